// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { setup } from '../support/harness';

describe('useConnection', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('useConnection')).toEqual({
      opcode: 'useConnection',
      blockType: 'command',
      text: 'use connection [NAME]',
      arguments: {
        NAME: { type: 'string', defaultValue: 'game' },
      },
    });
  });

  it('makes the rest of the script act on the named connection, while a script bound to nothing keeps the default one', async () => {
    const { extension, server, anotherServer, sprite, script, util } = await setup();
    const chatServer = await anotherServer();
    const flag = script();
    extension.useConnection({ NAME: 'chat' }, util(sprite, flag));
    const chatAccepted = chatServer.nextSide();
    await extension.newInstance({ URL: chatServer.url }, util(sprite, flag));
    const chatSide = await chatAccepted;
    const defaultAccepted = server.nextSide();
    await extension.newInstance({ URL: server.url }, util());
    const defaultSide = await defaultAccepted;

    extension.sendMessage({ PAYLOAD: 'to chat' }, util(sprite, flag));
    extension.sendMessage({ PAYLOAD: 'to default' }, util());
    expect(await chatSide.nextMessage()).toBe('to chat');
    expect(await defaultSide.nextMessage()).toBe('to default');

    // Closing one leaves the other open, each with its own close code and state.
    extension.closeWithCode({ CODE: 4001 }, util(sprite, flag));
    expect((await chatSide.nextClose()).code).toBe(4001);
    expect(extension.connectionState({}, util(sprite, flag))).toMatch(/^(closing|closed)$/);
    expect(extension.isConnected({}, util())).toBe(true);
    expect(extension.closeCode({}, util())).toBe(0);
  });

  it('compares names exactly: case or spaces make another connection', async () => {
    const { extension, server, sprite, script, util } = await setup();
    const flag = script();
    extension.useConnection({ NAME: 'chat' }, util(sprite, flag));
    await extension.newInstance({ URL: server.url }, util(sprite, flag));
    const stateUnder = (name: string) => {
      const other = script();
      extension.useConnection({ NAME: name }, util(sprite, other));
      return extension.connectionState({}, util(sprite, other));
    };
    expect(stateUnder('chat')).toBe('open');
    expect(stateUnder('Chat')).toBe('none');
    expect(stateUnder(' chat')).toBe('none');
    expect(stateUnder('')).toBe('none');
  });

  it('binds only the script that runs it: another script, or a new run, starts on the default connection', async () => {
    const { extension, server, sprite, script, util } = await setup();
    const first = script();
    extension.useConnection({ NAME: 'game' }, util(sprite, first));
    await extension.newInstance({ URL: server.url }, util(sprite, first));
    expect(extension.isConnected({}, util(sprite, first))).toBe(true);
    // The next run of the same hat is a new thread, bound to nothing.
    expect(extension.isConnected({}, util(sprite, script()))).toBe(false);
    expect(extension.connectionState({}, util())).toBe('none');
    // An empty name goes back to the default connection.
    extension.useConnection({ NAME: '' }, util(sprite, first));
    expect(extension.isConnected({}, util(sprite, first))).toBe(false);
  });

  it("closes a clone's named connections with the clone, and the stop sign closes a sprite's", async () => {
    const { extension, host, server, anotherServer, sprite, script, util } = await setup();
    const chatServer = await anotherServer();
    const clone = { name: 'Sprite1 clone' };
    for (const [target, name, to] of [
      [clone, 'game', server],
      [clone, 'chat', chatServer],
      [sprite, 'game', server],
      [sprite, 'chat', chatServer],
    ] as const) {
      const thread = script(target);
      extension.useConnection({ NAME: name }, util(target, thread));
      await extension.newInstance({ URL: to.url }, util(target, thread));
    }
    const [cloneGame, spriteGame] = [await server.nextSide(), await server.nextSide()];
    const [cloneChat, spriteChat] = [await chatServer.nextSide(), await chatServer.nextSide()];

    host.removeTarget(clone);
    await Promise.all([within(cloneGame.closed, "the clone's game connection to close"), within(cloneChat.closed, "the clone's chat connection to close")]);
    expect(spriteGame.socket.readyState).toBe(spriteGame.socket.OPEN);
    expect(spriteChat.socket.readyState).toBe(spriteChat.socket.OPEN);

    host.stopAll();
    await Promise.all([within(spriteGame.closed, "the sprite's game connection to close"), within(spriteChat.closed, "the sprite's chat connection to close")]);
  });
});
