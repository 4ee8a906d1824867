// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { framesUntil } from '@scratch-websocket/test-support';
import { setup } from '../support/harness';

describe('statistic', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('statistic')).toEqual({
      opcode: 'statistic',
      blockType: 'reporter',
      text: 'connection statistic [STAT]',
      arguments: {
        STAT: { type: 'string', menu: 'statistic' },
      },
      disableMonitor: false,
    });
  });

  it('counts messages and payload bytes both ways since connect to (UTF-8 bytes for text)', async () => {
    const { extension, host, connect, util } = await setup();
    const stat = (STAT: string) => extension.statistic({ STAT }, util());
    const side = await connect();
    extension.sendMessage({ PAYLOAD: 'é' }, util());
    extension.sendBinary({ DATA: 'data:,%01%02%03' }, util());
    await side.nextMessage();
    await side.nextMessage();
    side.socket.send('👋');
    side.socket.send(Buffer.from([1, 2]));
    await framesUntil(host, () => stat('messages received') === 2, 'two messages at the sprite');
    expect([stat('messages sent'), stat('bytes sent'), stat('bytes received')]).toEqual([2, 5, 6]);
    await connect();
    expect([stat('messages received'), stat('messages sent'), stat('bytes received'), stat('bytes sent')]).toEqual([0, 0, 0, 0]);
  });

  it('gives 0 without a connection and for a name that is not in the menu', async () => {
    const { extension, connect, util } = await setup();
    expect(extension.statistic({ STAT: 'messages received' }, util())).toBe(0);
    await connect();
    expect(extension.statistic({ STAT: 'smiles' }, util())).toBe(0);
  });
});
