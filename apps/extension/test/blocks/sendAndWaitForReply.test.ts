// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('sendAndWaitForReply', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('sendAndWaitForReply')).toEqual({
      opcode: 'sendAndWaitForReply',
      blockType: 'reporter',
      text: 'send [PAYLOAD] and wait for reply',
      arguments: {
        PAYLOAD: { type: 'string', defaultValue: 'Hello!' },
      },
      disableMonitor: true,
    });
  });

  it('sends its payload (cast to text) and gives the next message as its value, which runs no message hat', async () => {
    const { extension, host, connect, util, script } = await setup();
    const side = await connect();
    side.socket.on('message', (data) => side.socket.send(`re: ${data.toString()}`));
    const thread = script();
    expect(await within(Promise.resolve(extension.sendAndWaitForReply({ PAYLOAD: 42 }, util(undefined, thread))), 'the reply')).toBe('re: 42');
    expect(host.startsOf(HAT_OPCODES.message)).toHaveLength(0);
    expect(extension.replyStatus({}, util(undefined, thread))).toBe('answered');
  });

  it('gives an empty text at once without a connection', async () => {
    const { extension, util } = await setup();
    expect(extension.sendAndWaitForReply({ PAYLOAD: 'x' }, util())).toBe('');
  });
});
