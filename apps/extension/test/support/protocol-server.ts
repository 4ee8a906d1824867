import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { within } from '@scratch-websocket/test-support';
import { onTestFinished } from 'vitest';
import { WebSocketServer } from 'ws';

/**
 * A real `ws` server on 127.0.0.1 (port 0) that chooses a subprotocol with `choose` (given the
 * protocols the client offered; false for none, which makes the client fail the handshake,
 * RFC 6455 section 4.1). `offered` resolves with the client's Sec-WebSocket-Protocol header as
 * sent ('' without one). Closed when the test finishes.
 */
export async function protocolServer(choose: (offered: Set<string>) => string | false): Promise<{ url: string; offered: Promise<string> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (offered) => choose(offered) });
  const offered = new Promise<string>((resolve) => {
    wss.once('headers', (_headers: string[], request: IncomingMessage) => resolve(String(request.headers['sec-websocket-protocol'] ?? '')));
  });
  await within(new Promise<void>((resolve) => wss.once('listening', () => resolve())), 'the protocol server to listen');
  onTestFinished(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`, offered };
}
