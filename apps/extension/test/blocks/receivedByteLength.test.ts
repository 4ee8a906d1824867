// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { handling } from '../support/binary';
import { setup } from '../support/harness';

describe('receivedByteLength', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('receivedByteLength')).toEqual({
      opcode: 'receivedByteLength',
      blockType: 'reporter',
      text: 'byte length of received message',
      disableMonitor: true,
    });
  });

  it('gives the byte length of the handled message, a text message\'s in UTF-8', async () => {
    const { extension, hat } = await handling('😀!');
    expect(extension.receivedByteLength({}, hat)).toBe(5);
  });

  it('is 0 before any message', async () => {
    const { extension, util } = await setup();
    expect(extension.receivedByteLength({}, util())).toBe(0);
  });
});
