import type { CLOSED, ERRORED, ErrorReason } from './connection-state.js';

/** How a connection ends: closed with a close frame's code and reason, or errored with a reason. */
export type Ending = { state: typeof CLOSED; code: number; reason: string } | { state: typeof ERRORED; reason: ErrorReason };
