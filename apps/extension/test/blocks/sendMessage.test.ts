// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('sendMessage', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('sendMessage')).toEqual({
      opcode: 'sendMessage',
      blockType: 'command',
      text: 'send message [PAYLOAD]',
      arguments: {
        PAYLOAD: { type: 'string', defaultValue: 'Hello!' },
      },
    });
  });

  it('casts its input to text and sends it as a text message', async () => {
    const { extension, connect, util } = await setup();
    const side = await connect();
    extension.sendMessage({ PAYLOAD: 42 }, util());
    extension.sendMessage({ PAYLOAD: true }, util());
    extension.sendMessage({ PAYLOAD: 'text' }, util());
    expect([await side.nextMessage(), await side.nextMessage(), await side.nextMessage()]).toEqual(['42', 'true', 'text']);
  });

  it('keeps messages sent while connecting and sends them in order once open', async () => {
    const { extension, server, util } = await setup();
    const accepted = server.nextSide();
    const connecting = extension.newInstance({ URL: server.url }, util());
    extension.sendMessage({ PAYLOAD: 'one' }, util());
    extension.sendMessage({ PAYLOAD: 'two' }, util());
    await connecting;
    const side = await accepted;
    expect([await side.nextMessage(), await side.nextMessage()]).toEqual(['one', 'two']);
  });

  it('ignores a message when there is no connection or it has closed, without an error', async () => {
    const { extension, connect, util } = await setup();
    expect(extension.sendMessage({ PAYLOAD: 'nobody' }, util())).toBeUndefined();
    const side = await connect();
    extension.closeWithoutReason({}, util());
    expect(extension.sendMessage({ PAYLOAD: 'too late' }, util())).toBeUndefined();
    expect((await side.nextClose()).code).toBe(1000);
  });
});
