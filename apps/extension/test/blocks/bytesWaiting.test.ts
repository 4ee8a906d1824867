// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { setup } from '../support/harness';

describe('bytesWaiting', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('bytesWaiting')).toEqual({
      opcode: 'bytesWaiting',
      blockType: 'reporter',
      text: 'bytes waiting to be sent',
      disableMonitor: false,
    });
  });

  it('counts what is kept while connecting, and is 0 once it has gone', async () => {
    const { extension, server, util } = await setup();
    expect(extension.bytesWaiting({}, util())).toBe(0);
    const connecting = extension.newInstance({ URL: server.url }, util());
    extension.sendMessage({ PAYLOAD: 'abc' }, util());
    expect(extension.bytesWaiting({}, util())).toBe(3);
    await connecting;
    await within(Promise.resolve(extension.sendAndWaitUntilSent({ PAYLOAD: '' }, util())), 'the kept message to leave');
    expect(extension.bytesWaiting({}, util())).toBe(0);
  });
});
