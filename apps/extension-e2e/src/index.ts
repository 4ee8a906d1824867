/** The e2e test utilities: servers, the browser harness, the .sb3 builder and bounded waits. */
export * from './sb3/index';
export { startStaticServer, type StaticServer } from './server/static-server';
export * from './server/ws-server';
export { VmPage, E2E_FRAMERATE, type OpenVmOptions } from './browser/vm-page';
export { waitFor, DEFAULT_WAIT_MS } from './wait-for';
