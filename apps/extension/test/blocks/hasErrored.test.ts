// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('hasErrored', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('hasErrored')).toEqual({
      opcode: 'hasErrored',
      blockType: 'Boolean',
      text: 'is connection errored?',
      disableMonitor: true,
    });
  });

  it('is true after a failed connection, until the next connect', async () => {
    const { extension, server, util } = await setup();
    expect(extension.hasErrored({}, util())).toBe(false);
    await extension.newInstance({ URL: 'not a url at all' }, util());
    expect(extension.hasErrored({}, util())).toBe(true);
    const accepted = server.nextSide();
    await extension.newInstance({ URL: server.url }, util());
    await accepted;
    expect(extension.hasErrored({}, util())).toBe(false);
  });
});
