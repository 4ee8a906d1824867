// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';
import { protocolServer } from '../support/protocol-server';

describe('connectWithProtocols', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('connectWithProtocols')).toEqual({
      opcode: 'connectWithProtocols',
      blockType: 'command',
      text: 'connect to [URL] with protocols [PROTOCOLS]',
      arguments: {
        URL: { type: 'string', defaultValue: 'wss://echo.websocket.org/' },
        PROTOCOLS: { type: 'string', defaultValue: 'chat' },
      },
    });
  });

  it('offers the trimmed, comma-separated protocols and waits until the connection is open', async () => {
    const { extension, util } = await setup();
    const server = await protocolServer((offered) => (offered.has('chat.v2') ? 'chat.v2' : false));
    await extension.connectWithProtocols({ URL: server.url, PROTOCOLS: ' chat , chat.v2,, ' }, util());
    expect(extension.isConnected({}, util())).toBe(true);
    expect(await within(server.offered, 'the offered protocols')).toBe('chat,chat.v2');
    expect(extension.protocol({}, util())).toBe('chat.v2');
  });

  it('errors with invalid protocols, opening no socket, for a duplicate or a name that is not a token', async () => {
    const { extension, host, util } = await setup();
    for (const protocols of ['chat, chat', 'two words', 'a/b']) {
      const errorHat = host.nextHat(HAT_OPCODES.error);
      await extension.connectWithProtocols({ URL: 'ws://127.0.0.1:9/', PROTOCOLS: protocols }, util());
      await within(errorHat, `the error hat for '${protocols}'`);
      expect([extension.connectionState({}, util()), extension.errorMessage({}, util())], protocols).toEqual(['errored', 'invalid protocols']);
    }
  });

  it('fails with connection failed when the server accepts none of the protocols', async () => {
    const { extension, util } = await setup();
    const server = await protocolServer(() => false);
    await extension.connectWithProtocols({ URL: server.url, PROTOCOLS: 'chat' }, util());
    expect(extension.errorMessage({}, util())).toBe('connection failed');
  });

  it('connects as connect to does when the list is empty', async () => {
    const { extension, server, util } = await setup();
    await extension.connectWithProtocols({ URL: server.url, PROTOCOLS: ' , ' }, util());
    expect([extension.isConnected({}, util()), extension.protocol({}, util())]).toEqual([true, '']);
  });
});
