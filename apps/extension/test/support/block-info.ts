import { WebSocketRuntime, type WebSocketConstructorLike } from '@scratch-websocket/runtime';
import { WebSocket } from 'ws';
import { MemoryHost } from '@scratch-websocket/test-support';
import { HAT_OPCODES, RUNTIME_FACETS, WebSocketExtension } from '../../src/generated/extension';
import { scratch } from './scratch';

/** The generated extension's getInfo(), as TurboWarp reads it. */
export function extensionInfo(): Scratch.Info {
  const runtime = new WebSocketRuntime({ WebSocket: WebSocket as unknown as WebSocketConstructorLike, host: new MemoryHost(), hats: HAT_OPCODES, facets: RUNTIME_FACETS });
  const info = new WebSocketExtension(scratch, runtime).getInfo();
  runtime.dispose();
  return info;
}

/** The entry for `opcode` in the generated extension's getInfo(), as TurboWarp reads it. */
export function blockInfo(opcode: string): unknown {
  const block = extensionInfo().blocks.find((entry) => typeof entry === 'object' && entry.opcode === opcode);
  if (block === undefined) throw new Error(`getInfo() has no block with opcode '${opcode}'`);
  return block;
}
