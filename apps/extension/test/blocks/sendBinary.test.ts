// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';
import type { WebSocket } from 'ws';

describe('sendBinary', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('sendBinary')).toEqual({
      opcode: 'sendBinary',
      blockType: 'command',
      text: 'send binary [DATA]',
      arguments: {
        DATA: { type: 'string', defaultValue: 'data:text/plain;base64,SGVsbG8h' },
      },
    });
  });

  /** The next message at the server's socket, with whether it was binary and its bytes. */
  function nextRaw(socket: WebSocket): Promise<{ binary: boolean; bytes: number[] }> {
    return within(
      new Promise((resolve) => socket.once('message', (data: Buffer, binary: boolean) => resolve({ binary, bytes: [...data] }))),
      'a message at the server',
    );
  }

  it('sends the bytes of a base64 or percent-encoded data: URL as one binary message', async () => {
    const { extension, connect, util } = await setup();
    const side = await connect();
    let next = nextRaw(side.socket);
    extension.sendBinary({ DATA: 'data:image/png;base64,AAEC/f7/' }, util());
    expect(await next).toEqual({ binary: true, bytes: [0, 1, 2, 253, 254, 255] });
    next = nextRaw(side.socket);
    extension.sendBinary({ DATA: 'data:,Hi%21' }, util());
    expect(await next).toEqual({ binary: true, bytes: [72, 105, 33] });
  });

  it('echoes a binary message byte for byte: send binary (received message data)', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    const side = await connect();
    const bytes = Array.from({ length: 256 }, (_, index) => index);
    const delivered = host.nextHat(HAT_OPCODES.message, sprite);
    side.socket.send(Buffer.from(bytes));
    await within(delivered, 'the message hat');
    const echoed = nextRaw(side.socket);
    extension.sendBinary({ DATA: extension.messageData({}, util()) }, util());
    expect(await echoed).toEqual({ binary: true, bytes });
  });

  it('sends nothing for anything that is not a data: URL, and the connection stays open', async () => {
    const { extension, connect, util } = await setup();
    const side = await connect();
    const next = nextRaw(side.socket);
    extension.sendBinary({ DATA: 'SGkh' }, util());
    extension.sendMessage({ PAYLOAD: 'after' }, util());
    expect(await next).toEqual({ binary: false, bytes: [...Buffer.from('after')] });
    expect(extension.isConnected({}, util())).toBe(true);
  });
});
