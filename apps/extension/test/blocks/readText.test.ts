// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { handling } from '../support/binary';

describe('readText', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('readText')).toEqual({
      opcode: 'readText',
      blockType: 'reporter',
      text: 'read text of [LENGTH] bytes',
      arguments: {
        LENGTH: { type: 'number', defaultValue: 5 },
      },
      disableMonitor: true,
    });
  });

  it('reads the next bytes as UTF-8 text, and empty without moving when fewer are left', async () => {
    const { extension, hat } = await handling('héllo');
    expect(extension.readText({ LENGTH: '3' }, hat)).toBe('hé');
    expect(extension.readText({ LENGTH: 4 }, hat)).toBe('');
    expect(extension.readText({ LENGTH: 3 }, hat)).toBe('llo');
  });
});
