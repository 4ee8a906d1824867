import { beforeEach, describe, expect, it } from 'vitest';
import { normalizeCloseCode, truncateCloseReason } from '../../src/index.js';
import { castToNumber, castToString, closeAtServer, MemoryHost, receive, target, TestServer } from '@scratch-websocket/test-support';
import { expectNoConnection, HATS, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';
import { generatedValues } from '../support/scratch-values.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

beforeEach(() => {
  // Generated URLs must never reach past this machine: only the test server is allowed.
  host.permission = (url) => new URL(url).host === `127.0.0.1:${server.port}`;
});

const VALUES = generatedValues(300);
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

describe('Lifetime: no block throws, whatever it is given', () => {
  it(`connect to [URL] with ${VALUES.length} values ends connected or errored, never thrown`, async () => {
    for (const [i, value] of VALUES.entries()) {
      const sprite = target(`sprite ${i}`);
      await expect(runtime.connect(sprite, castToString(value))).resolves.toBeUndefined();
      expect(runtime.hasErrored(sprite)).toBe(true);
      expect(['invalid URL', 'permission denied']).toContain(runtime.errorMessage(sprite));
    }
    expect(server.accepted).toBe(0);
    expect(host.startsOf(HATS.error)).toHaveLength(VALUES.length);
    expect(runtime.connectionCount).toBe(0);
  });

  it(`send message [PAYLOAD] with ${VALUES.length} values: the server gets each as text, in order`, async () => {
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const expected = VALUES.map(castToString);
    const got = receive(atServer, expected.length);
    for (const value of VALUES) runtime.send(sprite, castToString(value));
    // Lone surrogates travel as U+FFFD, like in every WebSocket.
    expect(await got).toEqual(expected.map((text) => new TextDecoder().decode(new TextEncoder().encode(text))));
  });

  it(`close with code [CODE] with ${VALUES.length} values: the server sees 1000 or 3000–4999`, async () => {
    const pending: Promise<void>[] = [];
    for (const [i, value] of VALUES.entries()) {
      const sprite = target(`sprite ${i}`);
      await runtime.connect(sprite, server.url);
      const atServer = await server.nextConnection();
      const code = castToNumber(value);
      const seen = closeAtServer(atServer);
      expect(() => runtime.closeWithCode(sprite, code)).not.toThrow();
      pending.push(seen.then((close) => expect(close).toEqual({ code: normalizeCloseCode(code), reason: '' })));
    }
    await Promise.all(pending);
  });

  it(`close with reason [REASON] and code [CODE] with ${VALUES.length} pairs: whole characters, ≤ 123 bytes`, async () => {
    const pending: Promise<void>[] = [];
    for (const [i, value] of VALUES.entries()) {
      const sprite = target(`sprite ${i}`);
      await runtime.connect(sprite, server.url);
      const atServer = await server.nextConnection();
      const reason = castToString(value);
      const code = castToNumber(VALUES[(i * 7) % VALUES.length]);
      const seen = closeAtServer(atServer);
      expect(() => runtime.closeWithReason(sprite, reason, code)).not.toThrow();
      pending.push(
        seen.then((close) => {
          expect(close.code).toBe(normalizeCloseCode(code));
          expect(close.reason).toBe(truncateCloseReason(reason));
          expect(utf8Length(close.reason)).toBeLessThanOrEqual(123);
        }),
      );
    }
    await Promise.all(pending);
  });

  it('every reporter and boolean answers for targets that never connected, and for non-targets', () => {
    for (const who of [target('never'), ...([null, undefined, 42, 'stage'] as unknown as object[])]) {
      expectNoConnection(runtime, who as never, NaN);
      expectNoConnection(runtime, who as never, Infinity);
    }
  });

  it('connect to a URL of millions of host labels ends the connection, and never rejects', async () => {
    const sprite = target('sprite');
    // A 6.8 MB URL: the host-name check once overflowed V8's regex stack and left the connection `connecting`.
    await expect(runtime.connect(sprite, `ws://${'a.'.repeat(3_400_000)}b/`)).resolves.toBeUndefined();
    expect(runtime.connectionState(sprite)).toBe('errored');
    expect(runtime.connectionCount).toBe(0);
  });

  it('connect with a non-target resolves without a connection', async () => {
    await expect(runtime.connect(null as never, server.url)).resolves.toBeUndefined();
    expect(server.accepted).toBe(0);
    expect(host.listenerCount).toBe(0);
  });
});
