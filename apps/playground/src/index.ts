export { createPlaygroundServer, type Playground, type PlaygroundOptions } from './server.js';
export { parseArgs, DEFAULT_PORT, type ParsedArgs } from './args.js';
export { playgroundUrls, PATHS, type PlaygroundUrls } from './urls.js';
export { defaultFiles, type PlaygroundFiles } from './files.js';
export { demoProjectJson, buildDemoSb3, DEMO_MESSAGE } from './demo-project.js';
export { TURBOWARP_ORIGINS, allowedOrigins, isAllowedOrigin, parseOrigin, type ParsedOrigin } from './origins.js';
export { DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_UNSENT_BYTES, DEFAULT_REQUEST_TIMEOUT_MS } from './limits.js';
