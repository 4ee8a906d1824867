// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from '../support/harness';

describe('setKeepalive', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('setKeepalive')).toEqual({
      opcode: 'setKeepalive',
      blockType: 'command',
      text: 'keep alive: every [INTERVAL] seconds send [PING] and expect [PONG] within [TIMEOUT] seconds',
      arguments: {
        INTERVAL: { type: 'number', defaultValue: 20 },
        PING: { type: 'string', defaultValue: 'ping' },
        PONG: { type: 'string', defaultValue: 'pong' },
        TIMEOUT: { type: 'number', defaultValue: 10 },
      },
    });
  });

  it('pings the server and hides its answers from the project', async () => {
    const { extension, host, connect, util } = await setup();
    extension.setKeepalive({ INTERVAL: 0.05, PING: 'are you there', PONG: 'yes', TIMEOUT: 2 }, util());
    const side = await connect();
    expect(await side.nextMessage()).toBe('are you there');
    side.socket.send('yes');
    await within(
      new Promise<void>((resolve) => {
        const check = setInterval(() => extension.roundTripTime({}, util()) > 0 && (clearInterval(check), resolve()), 5);
      }),
      'a round-trip time',
    );
    expect(host.startsOf(HAT_OPCODES.message)).toHaveLength(0);
  });
});
