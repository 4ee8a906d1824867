// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { HAT_OPCODES, setup } from '../support/harness';

describe('newInstance', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('newInstance')).toEqual({
      opcode: 'newInstance',
      blockType: 'command',
      text: 'connect to [URL]',
      arguments: {
        URL: { type: 'string', defaultValue: 'wss://echo.websocket.org/' },
      },
    });
  });

  it('waits until the connection is open, so a send right after it reaches the server', async () => {
    const { extension, server, util } = await setup();
    const accepted = server.nextSide();
    await extension.newInstance({ URL: server.url }, util());
    expect(extension.isConnected({}, util())).toBe(true);
    extension.sendMessage({ PAYLOAD: 'first' }, util());
    expect(await (await accepted).nextMessage()).toBe('first');
  });

  it('gives a bare loopback address ws://', async () => {
    const { extension, server, util } = await setup();
    const accepted = server.nextSide();
    await extension.newInstance({ URL: server.url.replace('ws://', '') }, util());
    await accepted;
    expect(extension.isConnected({}, util())).toBe(true);
  });

  it('ends in the error state, without throwing, for a URL with another scheme', async () => {
    const { extension, host, sprite, util } = await setup();
    await expect(extension.newInstance({ URL: 'ftp://127.0.0.1/' }, util())).resolves.toBeUndefined();
    expect(extension.hasErrored({}, util())).toBe(true);
    expect(host.startsOf(HAT_OPCODES.error, sprite).length).toBe(1);
  });

  it('asks permission for the fixed-up URL and errors when it is denied', async () => {
    const { extension, host, server, sprite, util } = await setup();
    const asked: string[] = [];
    host.permission = (url) => {
      asked.push(url);
      return false;
    };
    await extension.newInstance({ URL: server.url }, util());
    expect(asked).toEqual([server.url]);
    expect(extension.hasErrored({}, util())).toBe(true);
    expect(host.startsOf(HAT_OPCODES.error, sprite).length).toBe(1);
  });

  it('replaces an existing connection quietly, closing the old one without a hat', async () => {
    const { extension, host, sprite, connect, util } = await setup();
    const first = await connect();
    extension.sendMessage({ PAYLOAD: 'x' }, util());
    await first.nextMessage();
    await connect();
    await first.nextClose();
    expect(host.startsOf(HAT_OPCODES.close, sprite).length).toBe(0);
    expect(extension.isConnected({}, util())).toBe(true);
  });
});
