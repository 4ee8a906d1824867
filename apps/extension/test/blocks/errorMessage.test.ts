// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';

describe('errorMessage', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('errorMessage')).toEqual({
      opcode: 'errorMessage',
      blockType: 'reporter',
      text: 'error message',
      disableMonitor: false,
    });
  });

  it('is empty before any failure and while the connection is open', async () => {
    const { extension, connect, util } = await setup();
    expect(extension.errorMessage({}, util())).toBe('');
    await connect();
    expect(extension.errorMessage({}, util())).toBe('');
  });

  it('says invalid URL for an address that is not a WebSocket URL, and the next connect to empties it', async () => {
    const { extension, connect, util } = await setup();
    await extension.newInstance({ URL: 'ftp://127.0.0.1/' }, util());
    expect(extension.errorMessage({}, util())).toBe('invalid URL');
    await connect();
    expect(extension.errorMessage({}, util())).toBe('');
  });
});
