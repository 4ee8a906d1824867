// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { framesUntil, within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('connectionName', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('connectionName')).toEqual({
      opcode: 'connectionName',
      blockType: 'reporter',
      text: 'connection name',
      disableMonitor: true,
    });
  });

  it('is empty for a script bound to nothing, then the name the latest use connection gave', async () => {
    const { extension, sprite, script, util } = await setup();
    const flag = script();
    expect(extension.connectionName({}, util())).toBe('');
    expect(extension.connectionName({}, util(sprite, flag))).toBe('');
    extension.useConnection({ NAME: 'game' }, util(sprite, flag));
    expect(extension.connectionName({}, util(sprite, flag))).toBe('game');
    extension.useConnection({ NAME: 'chat room' }, util(sprite, flag));
    expect(extension.connectionName({}, util(sprite, flag))).toBe('chat room');
    expect(extension.connectionName({}, util(sprite, script()))).toBe('');
  });

  it('names, under when message received, the connection the message came from, and send message replies there', async () => {
    const { extension, host, server, anotherServer, sprite, script, hatThread, util } = await setup();
    const chatServer = await anotherServer();
    const flag = script();
    extension.useConnection({ NAME: 'game' }, util(sprite, flag));
    await extension.newInstance({ URL: server.url }, util(sprite, flag));
    extension.useConnection({ NAME: 'chat' }, util(sprite, flag));
    await extension.newInstance({ URL: chatServer.url }, util(sprite, flag));
    const gameSide = await server.nextSide();
    const chatSide = await chatServer.nextSide();

    const firstHat = host.nextHat(HAT_OPCODES.message, sprite);
    chatSide.socket.send('hello from chat');
    await within(firstHat, 'the message hat for the chat message');
    const chatScript = hatThread(HAT_OPCODES.message);
    expect(extension.connectionName({}, util(sprite, chatScript))).toBe('chat');
    extension.sendMessage({ PAYLOAD: `got ${extension.messageData({}, util(sprite, chatScript))}` }, util(sprite, chatScript));
    expect(await chatSide.nextMessage()).toBe('got hello from chat');

    // The game server's message waits for the chat script to finish: it never cuts it short.
    gameSide.socket.send('hello from game');
    await framesUntil(host, () => extension.statistic({ STAT: 'messages received' }, util(sprite, flag)) === 1, 'the game message to arrive');
    host.frames(3);
    expect(host.startsOf(HAT_OPCODES.message, sprite)).toHaveLength(1);
    expect(chatScript.status).toBe('running');
    host.finish(HAT_OPCODES.message, sprite);
    await framesUntil(host, () => host.startsOf(HAT_OPCODES.message, sprite).length === 2, 'the message hat for the game message');
    const gameScript = hatThread(HAT_OPCODES.message);
    expect(extension.connectionName({}, util(sprite, gameScript))).toBe('game');
    extension.sendMessage({ PAYLOAD: `got ${extension.messageData({}, util(sprite, gameScript))}` }, util(sprite, gameScript));
    expect(await gameSide.nextMessage()).toBe('got hello from game');
  });
});
