import { WebSocketRuntime, type WebSocketConstructorLike } from '@scratch-websocket/runtime';
import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { HAT_OPCODES, WebSocketExtension } from '../../src/generated/extension';
import { MemoryHost, TestServer, type MemoryThread, type TestTarget } from '@scratch-websocket/test-support';
import { scratch } from './scratch';

export { HAT_OPCODES };

/**
 * The generated extension driven as TurboWarp drives it: the real runtime, an in-memory
 * host, `ws`'s WebSocket and a real server. Everything is closed when the test finishes.
 */
export async function setup() {
  // Scripts under a hat run until a test finishes them, as long as a real script might.
  const host = new MemoryHost({ lifetime: 'manual' });
  // Node 20 has no global WebSocket; `ws`'s class has the same interface.
  const runtime = new WebSocketRuntime<TestTarget, MemoryThread>({
    WebSocket: WebSocket as unknown as WebSocketConstructorLike,
    host,
    hats: HAT_OPCODES,
  });
  const extension = new WebSocketExtension(scratch, runtime);
  const server = await TestServer.start();
  onTestFinished(async () => {
    runtime.dispose();
    await server.close();
  });
  const sprite: TestTarget = { name: 'Sprite1' };

  /** `connect to [server]` run by `target`, with the server's side of the new connection. */
  async function connect(target: TestTarget = sprite) {
    const accepted = server.nextSide();
    await extension.newInstance({ URL: server.url }, { target });
    return accepted;
  }

  return { host, runtime, extension, server, sprite, connect, util: (target: TestTarget = sprite) => ({ target }) };
}
