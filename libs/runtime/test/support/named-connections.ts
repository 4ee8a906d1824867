import { afterEach, beforeEach } from 'vitest';
import { type MemoryHost, MemoryThread, TestServer, type TestTarget } from '@scratch-websocket/test-support';
import { clientReceives, makeRuntime, type TestRuntime, TrackedWebSocket } from './runtime.js';

/** Two real servers (`game` and `chat` connect to different ones) and a runtime on an in-memory host. */
export interface TwoServersFixture {
  game: TestServer;
  chat: TestServer;
  host: MemoryHost;
  runtime: TestRuntime;
}

/**
 * Before each test: two real `ws` servers and a fresh runtime, handed to `use` (test files keep
 * them in their own variables); after each test, the runtime is disposed and the servers closed.
 * Returns `connectAs`, which acts on the current fixture.
 */
export function useTwoServers(use: (fixture: TwoServersFixture) => void) {
  let fixture: TwoServersFixture;

  beforeEach(async () => {
    const game = await TestServer.start();
    const chat = await TestServer.start();
    fixture = { game, chat, ...makeRuntime() };
    use(fixture);
  });

  afterEach(async () => {
    fixture.runtime.dispose();
    await fixture.game.close();
    await fixture.chat.close();
  });

  return {
    /** `use connection [name]` then `connect to [url]` in one script; its thread, the client socket and the server's side. */
    async connectAs(sprite: TestTarget, name: string, server: TestServer) {
      const thread = script(sprite);
      fixture.runtime.useConnection(sprite, name, thread);
      await fixture.runtime.connect(sprite, server.url, thread);
      const atServer = await server.nextConnection(`the ${JSON.stringify(name)} connection at the server`);
      return { thread, client: TrackedWebSocket.last(), atServer };
    },
  };
}

/** A script's thread (say under the green flag), as the VM passes `util.thread` to each block. */
export function script(of: TestTarget): MemoryThread {
  return new MemoryThread('green flag', of, Infinity);
}

/** The server sends `text` and the client has it (socket events done) when this resolves. */
export async function serverSends(atServer: { send(data: string): void }, client: TrackedWebSocket, text: string) {
  const arrived = clientReceives(client, 1);
  atServer.send(text);
  await arrived;
}
