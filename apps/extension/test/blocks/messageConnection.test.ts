// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { framesUntil, within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('messageConnection', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('messageConnection')).toEqual({
      opcode: 'messageConnection',
      blockType: 'reporter',
      text: 'connection of received message',
      disableMonitor: true,
    });
  });

  it('is empty before any message, and for a message of the default connection', async () => {
    const { extension, host, sprite, connect, hatThread, util } = await setup();
    expect(extension.messageConnection({}, util())).toBe('');
    const side = await connect();
    const delivered = host.nextHat(HAT_OPCODES.message, sprite);
    side.socket.send('plain');
    await within(delivered, 'the message hat');
    expect(extension.messageData({}, util())).toBe('plain');
    expect(extension.messageConnection({}, util())).toBe('');
    expect(extension.messageConnection({}, util(sprite, hatThread(HAT_OPCODES.message)))).toBe('');
  });

  it('tells where a taken message came from, across connections in arrival order, without binding the script', async () => {
    const { extension, host, server, anotherServer, sprite, script, util } = await setup();
    // No `when message received` script: every message waits for take next message.
    host.removeScript(HAT_OPCODES.message);
    const chatServer = await anotherServer();
    const flag = script();
    extension.useConnection({ NAME: 'game' }, util(sprite, flag));
    await extension.newInstance({ URL: server.url }, util(sprite, flag));
    extension.useConnection({ NAME: 'chat' }, util(sprite, flag));
    await extension.newInstance({ URL: chatServer.url }, util(sprite, flag));
    const gameSide = await server.nextSide();
    const chatSide = await chatServer.nextSide();

    const queued = () => extension.statistic({ STAT: 'queued messages' }, util());
    gameSide.socket.send('g1');
    await framesUntil(host, () => queued() === 1, 'the game message in the queue');
    chatSide.socket.send('c1');
    await framesUntil(host, () => queued() === 2, 'the chat message in the queue');
    // One queue per sprite: whichever connection a script uses counts both.
    expect(extension.statistic({ STAT: 'queued messages' }, util(sprite, flag))).toBe(2);

    const taker = script();
    expect(extension.takeNextMessage({}, util(sprite, taker))).toBe('g1');
    expect(extension.messageConnection({}, util(sprite, taker))).toBe('game');
    expect(extension.connectionName({}, util(sprite, taker))).toBe('');
    expect(extension.takeNextMessage({}, util(sprite, taker))).toBe('c1');
    expect(extension.messageConnection({}, util(sprite, taker))).toBe('chat');
    expect(extension.messageData({}, util())).toBe('c1');
    expect(extension.connectionName({}, util(sprite, taker))).toBe('');
  });
});
