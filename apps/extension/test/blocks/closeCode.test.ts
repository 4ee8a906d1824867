// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('closeCode', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('closeCode')).toEqual({
      opcode: 'closeCode',
      blockType: 'reporter',
      text: 'closing code',
      disableMonitor: true,
    });
  });

  it('is 0 before a close, then the code of the close frame', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    const side = await connect();
    expect(extension.closeCode({}, util())).toBe(0);
    const closed = host.nextHat(HAT_OPCODES.close, sprite);
    side.socket.close(4321, 'server reason');
    await within(closed, 'the close hat');
    expect(extension.closeCode({}, util())).toBe(4321);
  });

  it('reports the code the project closed with', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    await connect();
    const closed = host.nextHat(HAT_OPCODES.close, sprite);
    extension.closeWithCode({ CODE: 3456 }, util());
    await within(closed, 'the close hat');
    expect(extension.closeCode({}, util())).toBe(3456);
  });
});
