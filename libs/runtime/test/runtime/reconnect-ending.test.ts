import { describe, expect, it } from 'vitest';
import { framesUntil, type MemoryHost, sendInvalidUtf8Text, target, type TestServer } from '@scratch-websocket/test-support';
import { useReconnectRuntime } from '../support/reconnect.js';
import { HATS, type TestRuntime } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
const { setWaitMs, killServer, connectedWithReconnect, state, nextHat } = useReconnectRuntime((fixture) => ({ server, host, runtime } = fixture));

describe('Ending an automatic reconnect', () => {
  /** A sprite whose server died, waiting (for a long time) before its next try. */
  async function waitingToReconnect() {
    setWaitMs(60_000);
    const { sprite } = await connectedWithReconnect();
    const closed = nextHat(HATS.close, sprite);
    const restart = await killServer();
    await closed;
    expect(state(sprite)).toBe('reconnecting');
    return { sprite, restart };
  }

  it('the stop sign ends it without a hat, back to the ending that started it, and turns the setting off', async () => {
    const { sprite, restart } = await waitingToReconnect();
    host.stopAll();
    expect(state(sprite)).toBe('closed');
    expect(runtime.closeCode(sprite)).toBe(1006);
    expect(runtime.connectionCount).toBe(0);
    expect(host.listenerCount).toBe(0);
    expect(host.startsOf(HATS.close, sprite)).toHaveLength(1);

    await restart();
    await runtime.connect(sprite, server.url);
    const closed = nextHat(HATS.close, sprite);
    (await server.nextConnection()).terminate();
    await closed;
    expect(state(sprite)).toBe('closed');
  });

  it('a close block ends it: closed with the code and reason given, and the close hat runs', async () => {
    const { sprite } = await waitingToReconnect();
    runtime.closeWithReason(sprite, 'bye', 3001);
    expect(state(sprite)).toBe('closed');
    expect(runtime.closeCode(sprite)).toBe(3001);
    expect(runtime.closeMessage(sprite)).toBe('bye');
    // One for the dropped connection (1006) that started the reconnect, one for this close.
    expect(host.startsOf(HATS.close, sprite)).toHaveLength(2);
    expect(runtime.connectionCount).toBe(0);
  });

  it('connect to ends it and starts afresh', async () => {
    const { sprite, restart } = await waitingToReconnect();
    await restart();
    await runtime.connect(sprite, server.url);
    expect(state(sprite)).toBe('open');
    expect(runtime.statistic(sprite, 'reconnect attempts')).toBe(0);
    expect(runtime.connectionCount).toBe(1);
  });

  it('the stop sign after failed tries leaves error message at the latest failed try, as it read while reconnecting', async () => {
    const { sprite, atServer } = await connectedWithReconnect();
    const errored = nextHat(HATS.error, sprite);
    // New tries are refused, while the open connection fails with an error event.
    server.wss.close();
    sendInvalidUtf8Text(atServer);
    await errored;
    expect(runtime.errorMessage(sprite)).toBe('connection lost');
    await framesUntil(host, () => runtime.errorMessage(sprite) === 'connection failed', 'a failed try');
    host.stopAll();
    expect(state(sprite)).toBe('errored');
    expect(runtime.errorMessage(sprite)).toBe('connection failed');
    expect(host.startsOf(HATS.error, sprite)).toHaveLength(1);
  });

  it('turning it off ends it quietly', async () => {
    const { sprite } = await waitingToReconnect();
    runtime.setAutoReconnect(sprite, 'off');
    expect(state(sprite)).toBe('closed');
    expect(runtime.connectionCount).toBe(0);
    expect(host.startsOf(HATS.close, sprite)).toHaveLength(1);
  });

  it('a deleted clone and a new project end it', async () => {
    const clone = target('clone');
    const url = server.url;
    const { sprite } = await waitingToReconnect();
    runtime.setAutoReconnect(clone, 'on');
    await runtime.connect(clone, url);
    expect(state(clone)).toBe('reconnecting');
    host.removeTarget(clone);
    expect(state(clone)).toBe('none');
    expect(runtime.connectionCount).toBe(1);
    host.changeProject();
    expect(state(sprite)).toBe('none');
    expect(runtime.connectionCount).toBe(0);
    expect(host.listenerCount).toBe(0);
  });

  it('a denied permission on a try ends it, and the error hat runs', async () => {
    const { sprite } = await connectedWithReconnect();
    const closed = nextHat(HATS.close, sprite);
    await killServer();
    await closed;
    host.permission = () => false;
    await framesUntil(host, () => state(sprite) === 'errored', 'the denied try to end it');
    expect(runtime.errorMessage(sprite)).toBe('permission denied');
    expect(host.startsOf(HATS.error, sprite)).toHaveLength(1);
    expect(runtime.connectionCount).toBe(0);
  });
});
