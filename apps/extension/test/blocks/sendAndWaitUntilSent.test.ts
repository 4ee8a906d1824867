// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { setup } from '../support/harness';

describe('sendAndWaitUntilSent', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('sendAndWaitUntilSent')).toEqual({
      opcode: 'sendAndWaitUntilSent',
      blockType: 'command',
      text: 'send [PAYLOAD] and wait until sent',
      arguments: {
        PAYLOAD: { type: 'string', defaultValue: 'Hello!' },
      },
    });
  });

  it('sends its payload and continues once it has left, or at once with no connection', async () => {
    const { extension, connect, util } = await setup();
    expect(extension.sendAndWaitUntilSent({ PAYLOAD: 'x' }, util())).toBeUndefined();
    const side = await connect();
    await within(Promise.resolve(extension.sendAndWaitUntilSent({ PAYLOAD: 7 }, util())), 'the send to leave');
    expect(await side.nextMessage()).toBe('7');
  });
});
