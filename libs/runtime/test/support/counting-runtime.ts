import type { MemoryThread, TestTarget } from '@scratch-websocket/test-support';
import { ALL_FACETS, WebSocketRuntime, type BinaryBlocks, type ConversationBlocks, type WebSocketRuntimeOptions } from '../../src/index.js';

/**
 * The runtime with every facet, and a count tests and benchmarks read that the blocks never need
 * (so it is not in the runtime). In a file of its own, without vitest, so the benchmarks can use it too.
 */
export class CountingRuntime extends WebSocketRuntime<TestTarget, MemoryThread> {
  // Built from ALL_FACETS below, so never undefined here: tests call them without a check.
  declare readonly binary: BinaryBlocks<TestTarget, MemoryThread>;
  declare readonly conversation: ConversationBlocks<TestTarget, MemoryThread>;

  /** `options.facets` is ignored: a test runtime has them all. */
  constructor(options: WebSocketRuntimeOptions<TestTarget, MemoryThread>) {
    super({ ...options, facets: ALL_FACETS });
  }

  /** Connections (of every target and name) the runtime still tracks with host listeners (0 when all have ended). */
  get connectionCount(): number {
    return this.registry.activeSprites().reduce((count, sprite) => count + sprite.busyCount(), 0);
  }
}
