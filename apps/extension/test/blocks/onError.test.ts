// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { TestServer } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('onError', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('onError')).toEqual({
      opcode: 'onError',
      blockType: 'event',
      text: 'when connection errors',
      isEdgeActivated: false,
      shouldRestartExistingThreads: true,
    });
  });

  it('runs when the server cannot be reached, and the close hat does not', async () => {
    const { extension, host, sprite, util } = await setup();
    const gone = await TestServer.start();
    const url = gone.url;
    await gone.close();
    await extension.newInstance({ URL: url }, util());
    expect(host.startsOf(HAT_OPCODES.error, sprite).length).toBe(1);
    expect(host.startsOf(HAT_OPCODES.close, sprite).length).toBe(0);
    expect(host.startsOf(HAT_OPCODES.open, sprite).length).toBe(0);
  });

  it('runs when permission to connect is denied', async () => {
    const { extension, host, server, sprite, util } = await setup();
    host.permission = () => Promise.resolve(false);
    await extension.newInstance({ URL: server.url }, util());
    expect(host.startsOf(HAT_OPCODES.error, sprite).length).toBe(1);
  });
});
