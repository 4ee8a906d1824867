import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inProcessWorker, MemoryHost, receive, target, TestServer, type InProcessWorker, within } from '@scratch-websocket/test-support';
import { OffThreadSockets, scratchWebSocketWorker, WorkerSocket, type WebSocketConstructorLike } from '../src/index.js';
import { clientReceives, CountingRuntime, HATS, TrackedWebSocket } from './support/runtime.js';

const PAGE = TrackedWebSocket as unknown as WebSocketConstructorLike;

let server: TestServer;
let host: MemoryHost;
beforeEach(async () => {
  server = await TestServer.start();
  host = new MemoryHost();
});
afterEach(() => server.close());

/** A runtime whose sockets are placed by `sockets`, with `host` wrapped by it as the TurboWarp host is. */
function runtimeOn(sockets: OffThreadSockets) {
  const runtime = new CountingRuntime({ WebSocket: sockets.WebSocket, host: sockets.host(host), hats: HATS });
  return runtime;
}

/** Sockets in the worker program, run in process; `started` counts the workers made. */
function workerSockets() {
  const made: InProcessWorker[] = [];
  const sockets = new OffThreadSockets({
    pageWebSocket: PAGE,
    startWorker: () => {
      const worker = inProcessWorker(scratchWebSocketWorker, TrackedWebSocket as never);
      made.push(worker);
      return worker as never;
    },
  });
  return { sockets, made };
}

describe('Sockets in the worker', () => {
  it('are opened by the worker once permission was given on the page, and keep text and binary in order', async () => {
    const { sockets, made } = workerSockets();
    const runtime = runtimeOn(sockets);
    // No message script: every message is kept for `take next message`.
    host.removeScript(HATS.message);
    const sprite = target('sprite');
    let asked = -1;
    host.permission = () => ((asked = made.length), true);
    await runtime.connect(sprite, server.url);
    // Permission was asked before any worker existed, and the connection's socket is the worker's.
    expect(asked).toBe(0);
    expect(sockets.place).toBe('worker');
    expect(runtime.isConnected(sprite)).toBe(true);
    const atServer = await server.nextConnection();
    // The worker's socket is `ws`'s, so the test sees when it has the three.
    const arrived = clientReceives(TrackedWebSocket.last(), 3);
    atServer.send('one');
    atServer.send(Buffer.from([1, 2, 3]));
    atServer.send('three');
    await arrived;
    await sockets.roundTrip();
    const data: string[] = [];
    for (let i = 0; i < 3; i += 1) data.push(runtime.takeNextMessage(sprite));
    expect(data).toEqual(['one', 'data:application/octet-stream;base64,AQID', 'three']);
    runtime.dispose();
  });

  it('asks nothing of a worker when permission is denied, and starts none', async () => {
    const { sockets, made } = workerSockets();
    const runtime = runtimeOn(sockets);
    host.permission = () => false;
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    expect(runtime.errorMessage(sprite)).toBe('permission denied');
    expect(made).toHaveLength(0);
    expect(sockets.place).toBe('undecided');
    runtime.dispose();
  });

  it('sends in order, text and binary, from one loop', async () => {
    const { sockets } = workerSockets();
    const runtime = runtimeOn(sockets);
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const got = receive(atServer, 1001);
    for (let i = 0; i < 1000; i += 1) runtime.send(sprite, `m${i}`);
    runtime.sendBinary(sprite, 'data:,xyz');
    expect(await got).toEqual([...Array.from({ length: 1000 }, (_, i) => `m${i}`), '<binary>']);
    expect(runtime.statistic(sprite, 'messages sent')).toBe(1001);
    runtime.dispose();
  });

  it('counts in bufferedAmount what the worker has not yet taken, then what its socket still buffers', async () => {
    const { sockets } = workerSockets();
    await sockets.whenPlaced();
    const socket = new sockets.WebSocket(server.url);
    await within(new Promise((resolve) => socket.addEventListener('open', resolve)), 'the open event');
    const got = receive(await server.nextConnection(), 2);
    socket.send('héllo');
    socket.send(new Uint8Array(10));
    // Not yet posted to the worker: all of it is buffered, UTF-8 bytes for the text.
    expect((socket as WorkerSocket).bufferedAmount).toBe(6 + 10);
    await got;
    // The worker reports its socket's own figure until it falls to 0 (polled while above).
    await within(
      (async () => {
        while ((socket as WorkerSocket).bufferedAmount > 0) await sockets.roundTrip();
      })(),
      'bufferedAmount to fall to 0',
    );
    socket.close();
  });

  it('reports the close code and reason the server sent, after the messages before it', async () => {
    const { sockets } = workerSockets();
    const runtime = runtimeOn(sockets);
    host.setLifetime(HATS.message, 1);
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const closed = within(host.nextHat(HATS.close, sprite), 'the close hat', 10_000);
    atServer.send('last words');
    atServer.close(4321, 'bye ü');
    for (let frame = 0; frame < 100 && host.startsOf(HATS.close).length === 0; frame += 1) {
      await sockets.roundTrip();
      host.frame();
    }
    await closed;
    expect(host.startsOf(HATS.message)).toHaveLength(1);
    expect(runtime.messageData(sprite)).toBe('last words');
    expect([runtime.closeCode(sprite), runtime.closeMessage(sprite)]).toEqual([4321, 'bye ü']);
    expect(sockets.workerSocketCount).toBe(0);
    runtime.dispose();
  });

  it('lets go of every socket, on the page and in the worker, after 200 connect and close cycles', async () => {
    const { sockets } = workerSockets();
    const runtime = runtimeOn(sockets);
    const sprite = target('sprite');
    for (let i = 0; i < 200; i += 1) {
      await runtime.connect(sprite, server.url);
      const closed = within(host.nextHat(HATS.close, sprite), `close hat ${i}`);
      runtime.close(sprite);
      await closed;
    }
    await within(
      (async () => {
        while (sockets.workerSocketCount > 0 || server.openCount > 0) await sockets.roundTrip();
      })(),
      'every socket to be let go',
    );
    expect(runtime.connectionCount).toBe(0);
    runtime.dispose();
  });

  it('keeps posting batches while the page\'s acknowledgements are held back (a worker busy with a flood reads them late)', async () => {
    let holding = true;
    let held = 0;
    const sockets = new OffThreadSockets({
      pageWebSocket: PAGE,
      startWorker: () => {
        const worker = inProcessWorker(scratchWebSocketWorker, TrackedWebSocket as never);
        const post = worker.postMessage;
        // The page's acknowledgements (COMMAND_ACK, entries of kind 3) do not reach the worker while held.
        worker.postMessage = (message, transfer) => {
          const entries = message as unknown[];
          const kept = holding ? entries.filter((_, i, all) => all[i - (i % 4)] !== 3) : entries;
          held += (entries.length - kept.length) / 4;
          if (kept.length > 0) post(kept, transfer);
        };
        return worker as never;
      },
    });
    const runtime = runtimeOn(sockets);
    host.removeScript(HATS.message);
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    // Five slices of 100, 30 ms apart: more than the worker's 10 ms between two unacknowledged batches.
    for (let slice = 0; slice < 5; slice += 1) {
      for (let i = 0; i < 100; i += 1) atServer.send(`s${slice}m${i}`);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    // At least the first four slices reach the page with every acknowledgement held back.
    await within(
      (async () => {
        while (runtime.statistic(sprite, 'messages received') < 400) await new Promise((resolve) => setImmediate(resolve));
      })(),
      '400 messages on the page without an acknowledgement',
    );
    expect(held).toBeGreaterThan(0);
    holding = false;
    await sockets.roundTrip();
    runtime.dispose();
  });

  it('posts the last events before a quiet spell without waiting for the page\'s acknowledgement', async () => {
    let acknowledgements = 0;
    const sockets = new OffThreadSockets({
      pageWebSocket: PAGE,
      startWorker: () => {
        const worker = inProcessWorker(scratchWebSocketWorker, TrackedWebSocket as never);
        const post = worker.postMessage;
        // Every acknowledgement (COMMAND_ACK, entries of kind 3) is lost: only the worker's timer can post a held batch.
        worker.postMessage = (message, transfer) => {
          const entries = message as unknown[];
          const kept = entries.filter((_, i, all) => all[i - (i % 4)] !== 3);
          acknowledgements += (entries.length - kept.length) / 4;
          if (kept.length > 0) post(kept, transfer);
        };
        return worker as never;
      },
    });
    const runtime = runtimeOn(sockets);
    host.removeScript(HATS.message);
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    // Three in one go, then nothing: at least the last arrives within 10 ms of a batch, so it is held.
    const atServer = await server.nextConnection();
    for (const text of ['q1', 'q2', 'q3']) atServer.send(text);
    await within(
      (async () => {
        while (runtime.statistic(sprite, 'messages received') < 3) await new Promise((resolve) => setImmediate(resolve));
      })(),
      'all three messages on the page with every acknowledgement lost',
    );
    expect(acknowledgements).toBeGreaterThan(0);
    runtime.dispose();
  });

  it('reads a SecurityError of the worker\'s WebSocket constructor as `insecure URL`', async () => {
    class Insecure {
      constructor() {
        throw new DOMException('insecure', 'SecurityError');
      }
    }
    const sockets = new OffThreadSockets({ pageWebSocket: PAGE, startWorker: () => inProcessWorker(scratchWebSocketWorker, Insecure as never) as never });
    const runtime = runtimeOn(sockets);
    const sprite = target('sprite');
    await runtime.connect(sprite, 'ws://example.com/');
    expect(runtime.errorMessage(sprite)).toBe('insecure URL');
    runtime.dispose();
  });
});

describe('The fallback to the page\'s sockets', () => {
  async function connectsOnThePage(sockets: OffThreadSockets): Promise<void> {
    const runtime = runtimeOn(sockets);
    const sprite = target('sprite');
    const before = TrackedWebSocket.instances.length;
    await runtime.connect(sprite, server.url);
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(sockets.place).toBe('page');
    // The page's own class, made on the page: no WorkerSocket stands in for it.
    expect(TrackedWebSocket.instances.length).toBe(before + 1);
    expect(TrackedWebSocket.last()).not.toBeInstanceOf(WorkerSocket);
    runtime.dispose();
  }

  it('where no Worker can be made (startWorker gives none)', async () => {
    await connectsOnThePage(new OffThreadSockets({ pageWebSocket: PAGE, startWorker: () => null }));
  });

  it('where making the Worker throws', async () => {
    await connectsOnThePage(
      new OffThreadSockets({
        pageWebSocket: PAGE,
        startWorker: () => {
          throw new DOMException('refused', 'SecurityError');
        },
      }),
    );
  });

  it('where the Worker fails to start (Chromium under a Content-Security-Policy without worker-src blob:), and ends that worker', async () => {
    let terminated = false;
    const failing = {
      listeners: new Map<string, (event: unknown) => void>(),
      postMessage: () => {},
      addEventListener(type: string, listener: (event: unknown) => void) {
        this.listeners.set(type, listener);
        // As Chromium does: an `error` event once the worker's script was refused, later.
        if (type === 'error') setImmediate(() => listener({ type: 'error' }));
      },
      removeEventListener(type: string) {
        this.listeners.delete(type);
      },
      terminate: () => {
        terminated = true;
      },
    };
    await connectsOnThePage(new OffThreadSockets({ pageWebSocket: PAGE, startWorker: () => failing as never }));
    expect(terminated).toBe(true);
  });
});
