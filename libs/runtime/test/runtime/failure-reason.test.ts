import { describe, expect, it } from 'vitest';
import { MemoryHost, sendInvalidUtf8Text, target, TestServer, within } from '@scratch-websocket/test-support';
import { HATS, makeRuntime, TrackedWebSocket, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';
import { ALL_FACETS } from '../../src/index.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

describe('The host names why a connection failed before it opened', () => {
  it('a failure the host explains (`local network blocked`) is the error message, with one error hat', async () => {
    const asked: string[] = [];
    host.failureReason = (url) => (asked.push(url), 'local network blocked');
    const url = server.url;
    await server.close();
    const sprite = target('sprite');
    await runtime.connect(sprite, url);
    expect(runtime.hasErrored(sprite)).toBe(true);
    expect(runtime.errorMessage(sprite)).toBe('local network blocked');
    expect(host.startsOf(HATS.error, sprite)).toHaveLength(1);
    expect(asked).toEqual([url]);
  });

  it('`connection failed` when the host has no reason, or its answer throws', async () => {
    const url = server.url;
    await server.close();
    const sprite = target('sprite');
    await runtime.connect(sprite, url);
    expect(runtime.errorMessage(sprite)).toBe('connection failed');
    host.failureReason = () => {
      throw new Error('a broken host');
    };
    await runtime.connect(sprite, url);
    expect(runtime.errorMessage(sprite)).toBe('connection failed');
  });

  it('is not asked about a connection that was open: an error event there is `connection lost`', async () => {
    host.failureReason = () => 'local network blocked';
    const sprite = target('sprite');
    await runtime.connect(sprite, server.url);
    const atServer = await server.nextConnection();
    const hat = within(host.nextHat(HATS.error, sprite), 'the error hat');
    sendInvalidUtf8Text(atServer);
    await hat;
    expect(runtime.errorMessage(sprite)).toBe('connection lost');
  });

  it('automatic reconnect does not try again after `local network blocked`: the browser keeps the denial', async () => {
    const waits: number[] = [];
    const own = makeRuntime(new MemoryHost(), (attempt) => (waits.push(attempt), 2));
    own.host.failureReason = () => 'local network blocked';
    const url = server.url;
    await server.close();
    const sprite = target('sprite');
    own.runtime.setAutoReconnect(sprite, 'on');
    await own.runtime.connect(sprite, url);
    expect(own.runtime.connectionState(sprite)).toBe('errored');
    expect(own.runtime.errorMessage(sprite)).toBe('local network blocked');
    expect(waits).toEqual([]);
    own.runtime.dispose();
  });
});

/** A WebSocket whose constructor refuses every URL as a browser refuses mixed content from an https page. */
class MixedContentWebSocket {
  constructor() {
    throw new DOMException("Failed to construct 'WebSocket': An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.", 'SecurityError');
  }
}

describe('A URL the browser will not open from this page', () => {
  it('is `insecure URL` when the WebSocket constructor throws SecurityError, and is not retried', async () => {
    const { WebSocketRuntime } = await import('../../src/index.js');
    const own = new MemoryHost();
    const waits: number[] = [];
    const insecure = new WebSocketRuntime({
      WebSocket: MixedContentWebSocket as never,
      host: own,
      hats: HATS,
      facets: ALL_FACETS,
      reconnectDelay: (attempt) => (waits.push(attempt), 2),
    });
    const sprite = target('sprite');
    insecure.setAutoReconnect(sprite, 'on');
    await insecure.connect(sprite, server.url);
    expect(insecure.hasErrored(sprite)).toBe(true);
    expect(insecure.errorMessage(sprite)).toBe('insecure URL');
    expect(own.startsOf(HATS.error, sprite)).toHaveLength(1);
    expect(waits).toEqual([]);
    insecure.dispose();
  });
});
