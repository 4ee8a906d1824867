// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('connectionState', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('connectionState')).toEqual({
      opcode: 'connectionState',
      blockType: 'reporter',
      text: 'connection state',
      disableMonitor: false,
    });
  });

  it('is none before connecting, connecting while connect to waits, open, then closed', async () => {
    const { extension, host, server, sprite, util } = await setup();
    expect(extension.connectionState({}, util())).toBe('none');
    const accepted = server.nextSide();
    const connecting = extension.newInstance({ URL: server.url }, util());
    expect(extension.connectionState({}, util())).toBe('connecting');
    await connecting;
    const side = await accepted;
    expect(extension.connectionState({}, util())).toBe('open');
    const closeHat = host.nextHat(HAT_OPCODES.close, sprite);
    extension.closeWithoutReason({}, util());
    expect(extension.connectionState({}, util())).toBe('closing');
    await side.nextClose();
    await within(closeHat, 'the close hat');
    expect([extension.connectionState({}, util()), extension.isClosed({}, util())]).toEqual(['closed', true]);
  });

  it('is errored, with the reason in error message, when the address is not a WebSocket URL', async () => {
    const { extension, util } = await setup();
    await extension.newInstance({ URL: 'ftp://127.0.0.1/' }, util());
    expect(extension.connectionState({}, util())).toBe('errored');
    expect(extension.errorMessage({}, util())).toBe('invalid URL');
  });
});
