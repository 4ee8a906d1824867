import type { RawData, WebSocket as ServerSocket } from 'ws';
import { describe, expect, it, vi } from 'vitest';
import { MemoryHost, MemoryThread, target, TestServer, type TestTarget, within } from '@scratch-websocket/test-support';
import { PAST_END } from '../../src/index.js';
import { parseDataUrl } from '../../src/data-url-parse.js';
import { clientReceives, connectSprite, HATS, type TestRuntime, useRuntimeAndServer } from '../support/runtime.js';

// CONTRACT.md, Building and reading binary messages: the blocks of `runtime.binary` over a
// real `ws` server, on the in-memory host.

// Every parse of a data: URL, counted: reading a received message must not parse its data again.
vi.mock('../../src/data-url-parse.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/data-url-parse.js')>();
  return { ...original, parseDataUrl: vi.fn(original.parseDataUrl) };
});
const parseDataUrlSpy = vi.mocked(parseDataUrl);

let server: TestServer;
let host: MemoryHost;
let runtime: TestRuntime;
useRuntimeAndServer((fixture) => ({ server, host, runtime } = fixture));

/** A script's thread (say under the green flag), as the VM passes `util.thread` to each block. */
function script(of: TestTarget): MemoryThread {
  return new MemoryThread('green flag', of, Infinity);
}

/** The next `count` binary messages at the server, as byte arrays. */
function binaryAtServer(socket: ServerSocket, count: number): Promise<number[][]> {
  const got: number[][] = [];
  return within(
    new Promise((resolve) => {
      const onMessage = (data: RawData, binary: boolean) => {
        got.push(binary ? [...(data as Buffer)] : [-1]);
        if (got.length === count) {
          socket.off('message', onMessage);
          resolve(got);
        }
      };
      socket.on('message', onMessage);
    }),
    `${count} binary message(s) at the server`,
  );
}

/** Connects a sprite and has the server send `messages`; resolves once the client has them all. */
async function receiving(messages: (string | Buffer)[], options: { hat: boolean } = { hat: true }) {
  const connected = await connectSprite({ runtime, server });
  if (!options.hat) host.removeScript(HATS.message, connected.sprite);
  const arrived = clientReceives(connected.client, messages.length);
  for (const message of messages) connected.atServer.send(message);
  await arrived;
  return connected;
}

describe('building a binary message', () => {
  it('adds values in order and sends them as one binary message on the script\'s connection, then starts empty', async () => {
    const { sprite, atServer } = await connectSprite({ runtime, server });
    const thread = script(sprite);
    const got = binaryAtServer(atServer, 2);
    runtime.binary.addNumber(sprite, 0x30, 'uint8', 'big endian', thread);
    runtime.binary.addVarint(sprite, 321, thread);
    runtime.binary.addTextWithLength(sprite, 'uint16 big endian', 'a/b', thread);
    runtime.binary.addNumber(sprite, -2, 'int16', 'little endian', thread);
    runtime.binary.addText(sprite, 'hi', thread);
    runtime.binary.addDataUrl(sprite, 'data:,%FF', thread);
    expect(runtime.binary.length(sprite, thread)).toBe(13);
    expect(runtime.binary.dataUrl(sprite, thread)).toBe(`data:application/octet-stream;base64,${Buffer.from([0x30, 0xc1, 2, 0, 3, 97, 47, 98, 0xfe, 0xff, 104, 105, 255]).toString('base64')}`);
    runtime.binary.send(sprite, thread);
    expect(runtime.binary.length(sprite, thread)).toBe(0);
    runtime.binary.send(sprite, thread);
    expect(await got).toEqual([[0x30, 0xc1, 2, 0, 3, 97, 47, 98, 0xfe, 0xff, 104, 105, 255], []]);
  });

  it('keeps each script\'s message apart: two scripts of one sprite building at once never mix bytes', async () => {
    const { sprite, atServer } = await connectSprite({ runtime, server });
    const first = script(sprite);
    const second = script(sprite);
    const got = binaryAtServer(atServer, 2);
    for (let i = 0; i < 3; i += 1) {
      runtime.binary.addNumber(sprite, 1, 'uint8', 'big endian', first);
      runtime.binary.addNumber(sprite, 2, 'uint8', 'big endian', second);
    }
    runtime.binary.send(sprite, second);
    runtime.binary.start(sprite, first);
    runtime.binary.addNumber(sprite, 9, 'uint8', 'big endian', first);
    runtime.binary.send(sprite, first);
    expect(await got).toEqual([[2, 2, 2], [9]]);
  });

  it('sends on the connection the script uses, and a caller with no thread builds one message per sprite', async () => {
    const other = await TestServer.start();
    try {
      const { sprite, atServer } = await connectSprite({ runtime, server });
      const thread = script(sprite);
      runtime.useConnection(sprite, 'other', thread);
      await runtime.connect(sprite, other.url, thread);
      const atOther = await other.nextConnection();
      const onOther = binaryAtServer(atOther, 1);
      const onDefault = binaryAtServer(atServer, 1);
      runtime.binary.addText(sprite, 'o', thread);
      runtime.binary.send(sprite, thread);
      runtime.binary.addText(sprite, 'd', undefined);
      runtime.binary.send(sprite);
      expect(await onOther).toEqual([[111]]);
      expect(await onDefault).toEqual([[100]]);
    } finally {
      await other.close();
    }
  });

  it('adds the bytes of the received binary message from the bytes it arrived with', async () => {
    const { sprite, atServer } = await receiving([Buffer.from([1, 2, 3])]);
    const thread = script(sprite);
    const got = binaryAtServer(atServer, 1);
    runtime.binary.addDataUrl(sprite, runtime.messageData(sprite), thread);
    runtime.binary.addDataUrl(sprite, 'not a data URL', thread);
    runtime.binary.send(sprite, thread);
    expect(await got).toEqual([[1, 2, 3]]);
  });

  it('sends nothing without a connection, and still starts a new message', () => {
    const sprite = target('alone');
    runtime.binary.addText(sprite, 'x', undefined);
    expect(() => runtime.binary.send(sprite)).not.toThrow();
    expect(runtime.binary.length(sprite)).toBe(0);
  });
});

describe('reading the received message', () => {
  it('reads the message a `when message received` script was started for, value by value, and empty past the end', async () => {
    const bytes = Buffer.from([0x20, 0x02, 0x00, 0x00, 0xc1, 0x02]);
    const { sprite } = await receiving([bytes]);
    const thread = host.startsOf(HATS.message, sprite)[0]!.thread;
    expect(runtime.binary.receivedLength(sprite, thread)).toBe(6);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', thread)).toBe(0x20);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', thread)).toBe(2);
    expect(runtime.binary.read(sprite, 'uint16', 'little endian', thread)).toBe(0);
    expect(runtime.binary.readPosition(sprite, thread)).toBe(4);
    expect(runtime.binary.readVarint(sprite, thread)).toBe(321);
    expect(runtime.binary.bytesLeft(sprite, thread)).toBe(0);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', thread)).toBe(PAST_END);
    expect(runtime.binary.readText(sprite, 1, thread)).toBe(PAST_END);
    expect(runtime.binary.readPosition(sprite, thread)).toBe(6);
    runtime.binary.setReadPosition(sprite, 1, thread);
    expect(runtime.binary.read(sprite, 'int16', 'big endian', thread)).toBe(0x0200);
    expect(runtime.binary.read(sprite, 'int64', 'big endian', thread)).toBe(PAST_END);
    expect(runtime.binary.readPosition(sprite, thread)).toBe(3);
  });

  it('reads a text message as its UTF-8 bytes', async () => {
    const { sprite } = await receiving(['é!']);
    const thread = host.startsOf(HATS.message, sprite)[0]!.thread;
    expect(runtime.binary.receivedLength(sprite, thread)).toBe(3);
    expect(runtime.binary.read(sprite, 'uint16', 'big endian', thread)).toBe(0xc3a9);
    expect(runtime.binary.readText(sprite, 1, thread)).toBe('!');
  });

  it('gives each script its own read position in the same message', async () => {
    const { sprite } = await receiving([Buffer.from([1, 2])]);
    const first = host.startsOf(HATS.message, sprite)[0]!.thread;
    const second = script(sprite);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', first)).toBe(1);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', second)).toBe(1);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', first)).toBe(2);
  });

  it('after `take next message`, reads the taken message from its start, even when newer ones arrive', async () => {
    const { sprite, atServer, client } = await receiving([Buffer.from([1, 1]), 'AB', 'AB'], { hat: false });
    const thread = script(sprite);
    expect(runtime.takeNextMessage(sprite, thread)).toMatch(/^data:/);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', thread)).toBe(1);
    const arrived = clientReceives(client, 1);
    atServer.send(Buffer.from([7]));
    await arrived;
    expect(runtime.binary.bytesLeft(sprite, thread)).toBe(1);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', thread)).toBe(1);
    // Two equal texts are two messages: each starts at 0.
    expect(runtime.takeNextMessage(sprite, thread)).toBe('AB');
    expect(runtime.binary.readText(sprite, 2, thread)).toBe('AB');
    expect(runtime.takeNextMessage(sprite, thread)).toBe('AB');
    expect(runtime.binary.readPosition(sprite, thread)).toBe(0);
    expect(runtime.binary.readText(sprite, 2, thread)).toBe('AB');
    expect(runtime.takeNextMessage(sprite, thread)).toMatch(/^data:/);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', thread)).toBe(7);
    // Nothing left to take: the script keeps its message.
    expect(runtime.takeNextMessage(sprite, thread)).toBe('');
    expect(runtime.binary.readPosition(sprite, thread)).toBe(1);
  });

  it('follows `received message data` in a script that took nothing, from 0 at each new message, equal ones too', async () => {
    const { sprite, atServer, client } = await receiving(['xy'], { hat: false });
    const thread = script(sprite);
    expect(runtime.binary.readText(sprite, 2, thread)).toBe('xy');
    const arrived = clientReceives(client, 1);
    atServer.send('xy');
    await arrived;
    expect(runtime.binary.readPosition(sprite, thread)).toBe(0);
    expect(runtime.binary.readText(sprite, 2, thread)).toBe('xy');
  });

  it('reads the binary message from the bytes it arrived with, never decoding its data: URL', async () => {
    const { sprite } = await receiving([Buffer.from([5, 6, 7, 8])]);
    const thread = host.startsOf(HATS.message, sprite)[0]!.thread;
    const parsesBefore = parseDataUrlSpy.mock.calls.length;
    expect(runtime.binary.receivedLength(sprite, thread)).toBe(4);
    for (let i = 0; i < 4; i += 1) expect(runtime.binary.read(sprite, 'uint8', 'big endian', thread)).toBe(5 + i);
    runtime.binary.addDataUrl(sprite, runtime.messageData(sprite), thread);
    expect(parseDataUrlSpy.mock.calls.length).toBe(parsesBefore);
  });

  it('reads from a data: URL until the script takes a message, and the rest of it as a data: URL', async () => {
    const { sprite } = await receiving([Buffer.from([9])], { hat: false });
    const thread = script(sprite);
    runtime.binary.readFrom(sprite, 'data:,%01%02%03', thread);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', thread)).toBe(1);
    expect(runtime.binary.readDataUrl(sprite, 3, thread)).toBe(PAST_END);
    expect(runtime.binary.readDataUrl(sprite, runtime.binary.bytesLeft(sprite, thread), thread)).toBe('data:application/octet-stream;base64,AgM=');
    runtime.binary.readFrom(sprite, runtime.messageData(sprite), thread);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', thread)).toBe(9);
    runtime.binary.readFrom(sprite, 'data:,%05', thread);
    expect(runtime.takeNextMessage(sprite, thread)).toMatch(/^data:/);
    expect(runtime.binary.read(sprite, 'uint8', 'big endian', thread)).toBe(9);
  });

  it('reads nothing in a sprite with no message, and never throws whatever it is given', () => {
    const sprite = target('quiet');
    expect(runtime.binary.read(sprite, 'uint8', 'big endian')).toBe(PAST_END);
    expect(runtime.binary.receivedLength(sprite)).toBe(0);
    for (const who of [null, 7, 'sprite', undefined] as never[]) {
      expect(runtime.binary.readVarint(who)).toBe(PAST_END);
      expect(() => runtime.binary.addNumber(who, 1, 'uint8', 'big endian')).not.toThrow();
      expect(runtime.binary.dataUrl(who)).toBe('data:application/octet-stream;base64,');
    }
    const hostile = [Symbol('x'), Object.create(null), new Proxy({}, { get: () => { throw new Error('trap'); } }), 10n] as never[];
    for (const value of hostile) {
      expect(() => runtime.binary.addNumber(sprite, value, value, value)).not.toThrow();
      expect(() => runtime.binary.addText(sprite, value)).not.toThrow();
      expect(() => runtime.binary.addTextWithLength(sprite, value, value)).not.toThrow();
      expect(() => runtime.binary.addDataUrl(sprite, value)).not.toThrow();
      expect(() => runtime.binary.setReadPosition(sprite, value)).not.toThrow();
      expect(runtime.binary.readText(sprite, value)).toBe(PAST_END);
    }
  });
});
