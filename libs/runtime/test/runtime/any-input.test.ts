import { describe, expect, it, vi } from 'vitest';
import { closeAtServer, MemoryHost, target, TestServer } from '@scratch-websocket/test-support';
import { expectNoConnection, HATS, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

/** A Proxy whose every trap throws: reading, converting or inspecting it fails. */
function throwingProxy(): object {
  const trap = () => {
    throw new Error('trap');
  };
  return new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap, apply: trap });
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Values a caller that does not cast may pass (README, "API": no method throws, whatever it is given). */
const HOSTILE: [string, () => unknown][] = [
  ['an object with no prototype', () => Object.create(null)],
  ['an object whose toString throws', () => ({ toString: () => { throw new Error('toString'); } })],
  ['an object whose valueOf and toString throw', () => ({ valueOf: () => { throw new Error('valueOf'); }, toString: () => { throw new Error('toString'); } })],
  ['a Proxy whose traps throw', throwingProxy],
  ['a revoked Proxy', revokedProxy],
  ['a Symbol', () => Symbol('s')],
  ['a BigInt', () => 10n ** 30n],
];

const any = <T>(value: unknown) => value as T;

describe('No public method throws, whatever it is given', () => {
  it.each(HOSTILE)('%s as a target: every method answers as for no connection or connects', async (_name, make) => {
    const value = any<never>(make());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expectNoConnection(runtime, value, 3000);
      await expect(runtime.connect(value, server.url)).resolves.toBeUndefined();
      await expect(runtime.connectWithProtocols(value, server.url, 'chat')).resolves.toBeUndefined();
      expect(() => runtime.setAutoReconnect(value, 'on')).not.toThrow();
      expect(() => runtime.close(value)).not.toThrow();
      expect(() => runtime.dispose()).not.toThrow();
    } finally {
      warn.mockRestore();
    }
  });

  it.each(HOSTILE)('%s as the thread: every block acts on the default connection; as a connection name: its text, or ""', async (_name, make) => {
    const sprite = target('sprite');
    const thread = any<never>(make());
    await runtime.connect(sprite, server.url, thread);
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(runtime.connectionState(sprite, thread)).toBe('open');
    expect(() => runtime.useConnection(sprite, 'other', thread)).not.toThrow();
    expect(runtime.connectionName(sprite, thread)).toMatch(/^(|other)$/);
    expect(runtime.messageConnection(sprite, thread)).toBe('');

    const script = { name: 'a script' } as never;
    runtime.useConnection(sprite, any<string>(make()), script);
    // Text where it has one (a Symbol's or a BigInt's), else '': the default connection.
    const name = runtime.connectionName(sprite, script);
    expect(typeof name).toBe('string');
    expect(runtime.isConnected(sprite, script)).toBe(name === '');
  });

  it.each(HOSTILE)('%s as the URL: connect ends in the error state `invalid URL`', async (_name, make) => {
    const sprite = target('sprite');
    await expect(runtime.connect(sprite, any<string>(make()))).resolves.toBeUndefined();
    expect(runtime.hasErrored(sprite)).toBe(true);
    expect(runtime.errorMessage(sprite)).toMatch(/^(invalid URL|permission denied)$/);
    expect(host.startsOf(HATS.error, sprite)).toHaveLength(1);
    expect(server.accepted).toBe(0);
  });

  it.each(HOSTILE)('%s as the payload: ignored, the connection stays open', async (_name, make) => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    expect(() => runtime.send(sprite, any<string>(make()))).not.toThrow();
    expect(runtime.isConnected(sprite)).toBe(true);
  });

  it.each(HOSTILE)('%s as the code and the reason: closes with 1000 and an empty or textual reason', async (_name, make) => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const seen = closeAtServer(atServer);
    const value = make();
    expect(() => runtime.closeWithReason(sprite, any<string>(value), any<number>(value))).not.toThrow();
    const close = await seen;
    expect(close.code).toBe(1000);
    // A Symbol and a BigInt have a text (`Symbol(s)`, digits); the rest have none.
    expect(close.reason).toBe(typeof value === 'symbol' || typeof value === 'bigint' ? String(value) : '');
  });

  it.each(HOSTILE)('%s as the code alone: closes with 1000', async (_name, make) => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const seen = closeAtServer(atServer);
    expect(() => runtime.closeWithCode(sprite, any<number>(make()))).not.toThrow();
    expect(await seen).toEqual({ code: 1000, reason: '' });
  });

  it.each(HOSTILE)('%s as the protocol list: connect ends in the error state `invalid protocols` or connects', async (_name, make) => {
    const sprite = target('sprite');
    await expect(runtime.connectWithProtocols(sprite, server.url, any<string>(make()))).resolves.toBeUndefined();
    const state = runtime.connectionState(sprite);
    if (state === 'errored') expect(runtime.errorMessage(sprite)).toBe('invalid protocols');
    // A BigInt's digits are a valid name; the test server picks the first offered.
    else expect(state).toBe('open');
  });

  it.each(HOSTILE)('%s as every other argument: the new blocks answer plainly and the connection stays open', async (_name, make) => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const value = any<string>(make());
    expect(() => runtime.sendBinary(sprite, value)).not.toThrow();
    expect(runtime.statistic(sprite, value)).toBe(0);
    expect(() => runtime.setAutoReconnect(sprite, value)).not.toThrow();
    expect(runtime.dataUrlOfText(value)).toBe('');
    expect(runtime.textOfDataUrl(value)).toBe('');
    expect(runtime.dataUrlOfBytes(value)).toBe('');
    expect(runtime.bytesOfDataUrl(value)).toBe('');
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(runtime.statistic(sprite, 'messages sent')).toBe(0);
  });
});
