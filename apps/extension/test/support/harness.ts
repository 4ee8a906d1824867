import { WebSocketRuntime, type WebSocketConstructorLike } from '@scratch-websocket/runtime';
import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { HAT_OPCODES, WebSocketExtension } from '../../src/generated/extension';
import { MemoryHost, type TestTarget, type TestThread } from './memory-host';
import { scratch } from './scratch';
import { TestServer } from './server';

export { HAT_OPCODES };

/**
 * The generated extension driven as TurboWarp drives it: the real runtime, an in-memory
 * host, `ws`'s WebSocket and a real server. Everything is closed when the test finishes.
 */
export async function setup() {
  const host = new MemoryHost();
  // Node 20 has no global WebSocket; `ws`'s class has the same interface.
  const runtime = new WebSocketRuntime<TestTarget, TestThread>({
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
    const accepted = server.nextConnection();
    await extension.newInstance({ URL: server.url }, { target });
    return accepted;
  }

  return { host, runtime, extension, server, sprite, connect, util: (target: TestTarget = sprite) => ({ target }) };
}
