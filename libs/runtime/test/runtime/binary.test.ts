import type { RawData, WebSocket as ServerSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { framesUntil, MemoryHost, target, TestServer, within } from '@scratch-websocket/test-support';
import { MAX_DATA_URL_LENGTH } from '../../src/index.js';
import { connectSprite, clientReceives, HATS, pageHasAll, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

interface Frame {
  binary: boolean;
  bytes: number[];
  text: string;
}

/** The next `count` messages at the server, with their kind and exact bytes. */
function frames(socket: ServerSocket, count: number): Promise<Frame[]> {
  const got: Frame[] = [];
  return within(
    new Promise((resolve) => {
      const onMessage = (data: RawData, binary: boolean) => {
        const buffer = data as Buffer;
        got.push({ binary, bytes: [...buffer], text: buffer.toString() });
        if (got.length === count) {
          socket.off('message', onMessage);
          resolve(got);
        }
      };
      socket.on('message', onMessage);
    }),
    `${count} frame(s) at the server`,
  );
}

const connected = (name = 'sprite') => connectSprite({ runtime, server }, name);

describe('send binary', () => {
  it('sends the bytes of a base64 or percent-encoded data: URL of any media type as one binary message', async () => {
    const { sprite, atServer } = await connected();
    const got = frames(atServer, 3);
    runtime.sendBinary(sprite, 'data:application/octet-stream;base64,AAEC/f7/');
    runtime.sendBinary(sprite, 'data:text/plain,a%20b%FF');
    runtime.sendBinary(sprite, 'data:image/png;base64,');
    expect(await got).toEqual([
      { binary: true, bytes: [0, 1, 2, 253, 254, 255], text: expect.any(String) },
      { binary: true, bytes: [97, 32, 98, 255], text: expect.any(String) },
      { binary: true, bytes: [], text: '' },
    ]);
  });

  it('sends nothing for anything but a data: URL, and leaves the connection open', async () => {
    const { sprite, atServer } = await connected();
    const got = frames(atServer, 1);
    for (const bad of ['Hello!', '', 'data:;base64,***', 'http://example.com/', 'data:no comma']) runtime.sendBinary(sprite, bad);
    runtime.send(sprite, 'marker');
    expect(await got).toEqual([{ binary: false, bytes: [...Buffer.from('marker')], text: 'marker' }]);
    expect(runtime.isConnected(sprite)).toBe(true);
    expect(runtime.statistic(sprite, 'messages sent')).toBe(1);
  });

  it('keeps binary and text sends made while connecting, in order', async () => {
    const sprite = target('sprite');
    const connecting = runtime.connect(sprite, server.url);
    runtime.send(sprite, 'one');
    runtime.sendBinary(sprite, 'data:;base64,Mg==');
    runtime.send(sprite, 'three');
    const atServer = await server.nextConnection();
    const got = frames(atServer, 3);
    await connecting;
    expect((await got).map((f) => `${f.binary ? 'binary' : 'text'}:${f.text}`)).toEqual(['text:one', 'binary:2', 'text:three']);
  });

  it('echoes a received binary message byte for byte when given received message data', async () => {
    const { sprite, atServer, client } = await connected();
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const arrived = clientReceives(client, 1);
    atServer.send(every);
    await arrived;
    expect(runtime.isBinary(sprite)).toBe(true);
    const got = frames(atServer, 1);
    runtime.sendBinary(sprite, runtime.messageData(sprite));
    const [echo] = await got;
    expect(echo!.binary).toBe(true);
    expect(echo!.bytes).toEqual([...every]);
  });

  it('echoes a received binary message whose data URL is longer than a data URL may be, byte for byte', async () => {
    const { sprite, atServer, client } = await connected();
    // 3 × 2^24 + 3 bytes: its data URL is 37 + 4 × (2^24 + 1) code units, past MAX_DATA_URL_LENGTH (2^26).
    const big = Buffer.alloc(3 * 2 ** 24 + 3, 7);
    big[big.length - 1] = 9;
    // 50 MB each way: bounds for a loaded machine, within the test's 60 s.
    const arrived = within(new Promise((resolve) => client.once('message', resolve)), 'the message at the client', 25_000);
    atServer.send(big);
    await arrived;
    await pageHasAll();
    expect(runtime.messageData(sprite).length).toBeGreaterThan(MAX_DATA_URL_LENGTH);
    const echoed = within(new Promise<Buffer>((resolve) => atServer.once('message', (data) => resolve(data as Buffer))), 'the echo at the server', 25_000);
    runtime.sendBinary(sprite, runtime.messageData(sprite));
    expect((await echoed).equals(big)).toBe(true);
  });

  it('does nothing without a connection or after it ended', async () => {
    const sprite = target('sprite');
    expect(() => runtime.sendBinary(sprite, 'data:,x')).not.toThrow();
    const { sprite: other } = await connected('other');
    const closed = within(host.nextHat(HATS.close, other), 'the close hat');
    runtime.close(other);
    await closed;
    runtime.sendBinary(other, 'data:,x');
    expect(runtime.statistic(other, 'messages sent')).toBe(0);
  });
});

describe('is received message binary?', () => {
  it('follows the kind of the latest delivered message', async () => {
    host.setLifetime(HATS.message, 1);
    const { sprite, atServer, client } = await connected();
    expect(runtime.isBinary(sprite)).toBe(false);
    const seen: boolean[] = [];
    host.onHatStart = (start) => {
      if (start.opcode === HATS.message) seen.push(runtime.isBinary(sprite));
    };
    const arrived = clientReceives(client, 3);
    atServer.send('text');
    atServer.send(Buffer.from([1]));
    atServer.send('text again');
    await arrived;
    await framesUntil(host, () => seen.length === 3, 'three deliveries');
    expect(seen).toEqual([false, true, false]);
  });
});

describe('data URL conversions', () => {
  it('turn text and byte lists into data URLs and back', () => {
    expect(runtime.dataUrlOfText('Hello!')).toBe('data:text/plain;charset=utf-8;base64,SGVsbG8h');
    expect(runtime.textOfDataUrl('data:text/plain;base64,SGVsbG8h')).toBe('Hello!');
    expect(runtime.dataUrlOfBytes('72 105 33')).toBe('data:application/octet-stream;base64,SGkh');
    expect(runtime.bytesOfDataUrl('data:application/octet-stream;base64,SGkh')).toBe('72 105 33');
    expect(runtime.dataUrlOfBytes('72 300')).toBe('');
    expect(runtime.textOfDataUrl('Hello!')).toBe('');
  });
});
