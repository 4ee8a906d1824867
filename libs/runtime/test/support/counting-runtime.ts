import type { MemoryThread, TestTarget } from '@scratch-websocket/test-support';
import { WebSocketRuntime } from '../../src/index.js';

/**
 * The runtime, with a count tests and benchmarks read that the blocks never need (so it is not
 * in the runtime). In a file of its own, without vitest, so the benchmarks can use it too.
 */
export class CountingRuntime extends WebSocketRuntime<TestTarget, MemoryThread> {
  /** Connections (of every target and name) the runtime still tracks with host listeners (0 when all have ended). */
  get connectionCount(): number {
    return this.registry.activeSprites().reduce((count, sprite) => count + sprite.busyCount(), 0);
  }
}
