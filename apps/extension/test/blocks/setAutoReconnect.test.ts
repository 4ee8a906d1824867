// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('setAutoReconnect', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('setAutoReconnect')).toEqual({
      opcode: 'setAutoReconnect',
      blockType: 'command',
      text: 'set automatic reconnect to [ENABLED]',
      arguments: {
        ENABLED: { type: 'string', menu: 'onOff', defaultValue: 'on' },
      },
    });
  });

  it('after the server closes with 1012, runs the close hat, reads reconnecting, then connects again', async () => {
    const { extension, host, server, sprite, connect, util } = await setup();
    extension.setAutoReconnect({ ENABLED: 'on' }, util());
    const side = await connect();
    const closeHat = host.nextHat(HAT_OPCODES.close, sprite);
    const again = server.nextSide();
    side.socket.close(1012, 'restarting');
    await within(closeHat, 'the close hat');
    expect(extension.connectionState({}, util())).toBe('reconnecting');
    expect([extension.isConnected({}, util()), extension.isClosed({}, util()), extension.hasErrored({}, util())]).toEqual([false, false, false]);
    const openHat = host.nextHat(HAT_OPCODES.open, sprite);
    await within(again, 'the reconnect', 10_000);
    await within(openHat, 'the open hat again', 10_000);
    expect(extension.connectionState({}, util())).toBe('open');
    expect(extension.statistic({ STAT: 'reconnect attempts' }, util())).toBe(1);
  }, 20_000);

  it('does not reconnect after a normal close (1000), nor when it is off', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    extension.setAutoReconnect({ ENABLED: 'on' }, util());
    let side = await connect();
    let closeHat = host.nextHat(HAT_OPCODES.close, sprite);
    side.socket.close(1000);
    await within(closeHat, 'the close hat');
    expect(extension.connectionState({}, util())).toBe('closed');
    extension.setAutoReconnect({ ENABLED: 'off' }, util());
    side = await connect();
    closeHat = host.nextHat(HAT_OPCODES.close, sprite);
    side.socket.close(1012);
    await within(closeHat, 'the close hat');
    expect(extension.connectionState({}, util())).toBe('closed');
  });
});
