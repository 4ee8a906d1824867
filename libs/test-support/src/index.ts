/**
 * The one copy of each test helper shared by this repository's test suites (see README.md).
 * Only for tests: nothing here is published.
 */
export { within } from './within.js';
export {
  MemoryHost,
  MemoryThread,
  framesUntil,
  target,
  THREAD_DONE,
  THREAD_RUNNING,
  THREAD_STOPPED,
  type HatStart,
  type Lifetime,
  type Script,
  type MemoryHostOptions,
  type TestTarget,
  type ThreadStatus,
} from './memory-host.js';
export { closeAtServer, receive, sendInvalidUtf8Text, ServerSide, TestServer, type ReceivedClose, type TestServerOptions } from './test-server.js';
export { castToBoolean, castToNumber, castToString, scratchCast } from './scratch-cast.js';
export { contractIdentity, CONTRACT_PATH, type ContractBlock, type ContractIdentity } from './contract.js';
export { inProcessWorker, workerPathForcedOff, workerPathRequested, type InProcessWorker } from './in-process-worker.js';
