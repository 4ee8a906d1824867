import { describe, expect, it } from 'vitest';
import { addToList, ifThen, join, not, whenFlagClicked } from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { useE2e } from './fixture';

const BINARY_PREFIX = 'data:application/octet-stream;base64,';

/** Every byte value once, then a few that often go wrong (0, high bit, 0xff). */
const ALL_BYTES = Buffer.from([...Array.from({ length: 256 }, (_, value) => value), 0, 0x80, 0xff]);

/** CONTRACT.md, Sending and Receiving (binary messages both ways), in the real VM. */
describe('binary messages', () => {
  const e2e = useE2e();

  it('echoes a binary message byte for byte with `send binary (received message data)`, and text as text', async () => {
    const messages: Array<{ bytes: Buffer; isBinary: boolean }> = [];
    const sent: Array<{ bytes: Buffer; isBinary: boolean }> = [
      { bytes: ALL_BYTES, isBinary: true },
      { bytes: Buffer.from('héllo ☁', 'utf8'), isBinary: false },
      { bytes: Buffer.from([0xff, 0xfe, 0x00]), isBinary: true },
      { bytes: Buffer.alloc(0), isBinary: true },
    ];
    const server = await e2e.wsServer((connection) => {
      connection.socket.on('message', (data: Buffer, isBinary: boolean) => messages.push({ bytes: Buffer.from(data), isBinary }));
      for (const message of sent) connection.socket.send(message.bytes, { binary: message.isBinary });
    });
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('binary?')
      .script(whenFlagClicked(), addToList('binary?', websocket('isBinary')), websocket('newInstance', server.url('/echo')))
      .script(
        websocket('onMessage'),
        addToList('binary?', websocket('isBinary')),
        ifThen(websocket('isBinary'), [websocket('sendBinary', websocket('messageData'))]),
        ifThen(not(websocket('isBinary')), [websocket('sendMessage', websocket('messageData'))]),
      );
    const vm = await e2e.load(project, 'binary-echo');
    await vm.greenFlag();
    expect(await vm.waitForListLength('binary?', 1 + sent.length, 'Cat')).toEqual([false, true, false, true, true]);
    const [connection] = await server.waitForConnections(1);
    await connection!.waitForMessages(sent.length);
    expect(messages).toHaveLength(sent.length);
    messages.forEach((echoed, index) => {
      expect(echoed.isBinary, `message ${index + 1} kept its kind`).toBe(sent[index]!.isBinary);
      expect(Buffer.compare(echoed.bytes, sent[index]!.bytes), `message ${index + 1} came back byte for byte`).toBe(0);
    });
  });

  it('sends nothing for `send binary` of something that is not a data: URL, and the connection stays open', async () => {
    const server = await e2e.wsServer();
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/not-data')),
        websocket('sendBinary', 'hello'),
        websocket('sendBinary', 'data:text/plain;base64,***'),
        websocket('sendBinary', 'data:,a%20b'), // percent-encoded: the bytes of "a b"
        websocket('sendMessage', 'after'),
      )
      .script(websocket('onMessage'), addToList('log', join(websocket('isBinary'), join(' ', websocket('messageData')))));
    const vm = await e2e.load(project, 'binary-not-data');
    await vm.greenFlag();
    const [connection] = await server.waitForConnections(1);
    await connection!.waitForMessages(2);
    expect(connection!.received).toEqual([
      { text: 'a b', isBinary: true },
      { text: 'after', isBinary: false },
    ]);
    expect(await vm.waitForListLength('log', 2, 'Cat')).toEqual([`true ${BINARY_PREFIX}${Buffer.from('a b').toString('base64')}`, 'false after']);
    expect(connection!.isClosed).toBe(false);
  });

  it('round-trips text with non-ASCII and the bytes list `0 1 255` through data URLs, and across the wire', async () => {
    const TEXT = 'héllo ☁ 🎉 — ü';
    const server = await e2e.wsServer((connection) => {
      connection.socket.on('message', (data: Buffer, isBinary: boolean) => {
        // Reply with the same bytes, so the VM decodes what it encoded.
        if (isBinary) connection.socket.send(data, { binary: true });
      });
    });
    const project = e2e.project();
    project
      .sprite('Cat')
      .list('log')
      .list('replies')
      .script(
        whenFlagClicked(),
        addToList('log', websocket('dataUrlOfText', TEXT)),
        addToList('log', websocket('textOfDataUrl', websocket('dataUrlOfText', TEXT))),
        addToList('log', websocket('dataUrlOfBytes', '0 1 255')),
        addToList('log', websocket('bytesOfDataUrl', websocket('dataUrlOfBytes', '0 1 255'))),
        websocket('newInstance', server.url('/round-trip')),
        websocket('sendBinary', websocket('dataUrlOfBytes', '0 1 255')),
        websocket('sendBinary', websocket('dataUrlOfText', TEXT)),
      )
      .script(
        websocket('onMessage'),
        addToList('replies', websocket('bytesOfDataUrl', websocket('messageData'))),
        addToList('replies', websocket('textOfDataUrl', websocket('messageData'))),
      );
    const vm = await e2e.load(project, 'data-url-round-trip');
    await vm.greenFlag();
    expect(await vm.waitForListLength('log', 4, 'Cat')).toEqual([
      `data:text/plain;charset=utf-8;base64,${Buffer.from(TEXT, 'utf8').toString('base64')}`,
      TEXT,
      `${BINARY_PREFIX}AAH/`,
      '0 1 255',
    ]);
    const [connection] = await server.waitForConnections(1);
    await connection!.waitForMessages(2);
    expect(connection!.received.map((message) => message.isBinary)).toEqual([true, true]);
    expect(connection!.received[1]!.text).toBe(TEXT);
    const replies = await vm.waitForListLength('replies', 4, 'Cat');
    expect(replies[0]).toBe('0 1 255');
    expect(replies[3]).toBe(TEXT);
    expect(replies[2]).toBe([...Buffer.from(TEXT, 'utf8')].join(' '));
  });
});
