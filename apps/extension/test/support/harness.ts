import { OffThreadSockets, scratchWebSocketWorker, WebSocketRuntime, type WebSocketConstructorLike } from '@scratch-websocket/runtime';
import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { HAT_OPCODES, RUNTIME_FACETS, WebSocketExtension } from '../../src/generated/extension';
import { inProcessWorker, MemoryHost, MemoryThread, TestServer, type TestTarget, workerPathRequested } from '@scratch-websocket/test-support';
import { scratch } from './scratch';

export { HAT_OPCODES };

/**
 * The generated extension driven as TurboWarp drives it: the real runtime, an in-memory
 * host, `ws`'s WebSocket and a real server. Everything is closed when the test finishes.
 */
export async function setup() {
  // Scripts under a hat run until a test finishes them, as long as a real script might.
  const host = new MemoryHost({ lifetime: 'manual' });
  // Node 20 has no global WebSocket; `ws`'s class has the same interface. With
  // SCRATCH_WS_WORKER=on, every socket goes through the worker program, run in process.
  const sockets = new OffThreadSockets({
    pageWebSocket: WebSocket as unknown as WebSocketConstructorLike,
    startWorker: () => (workerPathRequested() ? (inProcessWorker(scratchWebSocketWorker, WebSocket) as never) : null),
  });
  const runtime = new WebSocketRuntime<TestTarget, MemoryThread>({
    WebSocket: sockets.WebSocket,
    host: sockets.host(host),
    hats: HAT_OPCODES,
    facets: RUNTIME_FACETS,
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

  /** Another real server on its own port (a second connection's peer), closed when the test finishes. */
  async function anotherServer(): Promise<TestServer> {
    const other = await TestServer.start();
    onTestFinished(() => other.close());
    return other;
  }

  /**
   * A script of `target` as the VM runs it, not started by the runtime (a green flag script):
   * its thread is what the VM passes a block as `util.thread`.
   */
  function script(target: TestTarget = sprite): MemoryThread {
    return new MemoryThread('script', target, Infinity);
  }

  /** The thread running the script under `opcode` in `target`, which the runtime started. */
  function hatThread(opcode: string, target: TestTarget = sprite): MemoryThread {
    const [thread] = host.activeThreads(opcode, target);
    if (thread === undefined) throw new Error(`no script under ${opcode} is running in ${target.name}`);
    return thread;
  }

  /** The VM's `util`: the target, and the thread running the block (none: a script bound to no connection). */
  function util(target: TestTarget = sprite, thread?: MemoryThread) {
    return { target, thread };
  }

  return { host, runtime, extension, server, sprite, connect, anotherServer, script, hatThread, util };
}
