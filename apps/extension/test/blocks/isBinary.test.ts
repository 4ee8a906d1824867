// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('isBinary', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('isBinary')).toEqual({
      opcode: 'isBinary',
      blockType: 'Boolean',
      text: 'is received message binary?',
      disableMonitor: true,
    });
  });

  it('is false before any message, true for a binary message and false again for a text one', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    host.setLifetime(HAT_OPCODES.message, 1);
    const side = await connect();
    expect(extension.isBinary({}, util())).toBe(false);
    let delivered = host.nextHat(HAT_OPCODES.message, sprite);
    side.socket.send(Buffer.from([1]));
    await within(delivered, 'the binary message');
    expect(extension.isBinary({}, util())).toBe(true);
    host.frame();
    delivered = host.nextHat(HAT_OPCODES.message, sprite);
    side.socket.send('text');
    await within(delivered, 'the text message');
    expect(extension.isBinary({}, util())).toBe(false);
  });
});
