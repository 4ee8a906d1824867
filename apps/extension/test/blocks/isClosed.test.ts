// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('isClosed', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('isClosed')).toEqual({
      opcode: 'isClosed',
      blockType: 'Boolean',
      text: 'is connection closed?',
      disableMonitor: true,
    });
  });

  it('becomes true when the connection closes', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    const side = await connect();
    expect(extension.isClosed({}, util())).toBe(false);
    const closed = host.nextHat(HAT_OPCODES.close, sprite);
    side.socket.close(1000);
    await within(closed, 'the close hat');
    expect(extension.isClosed({}, util())).toBe(true);
  });

  it('stays false after an error', async () => {
    const { extension, util } = await setup();
    await extension.newInstance({ URL: 'ftp://127.0.0.1/' }, util());
    expect(extension.hasErrored({}, util())).toBe(true);
    expect(extension.isClosed({}, util())).toBe(false);
  });
});
