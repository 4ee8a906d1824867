// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { setup } from '../support/harness';

describe('roundTripTime', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('roundTripTime')).toEqual({
      opcode: 'roundTripTime',
      blockType: 'reporter',
      text: 'round-trip time',
      disableMonitor: false,
    });
  });

  it('is 0 without keepalive and without a connection', async () => {
    const { extension, connect, util } = await setup();
    expect(extension.roundTripTime({}, util())).toBe(0);
    await connect();
    expect(extension.roundTripTime({}, util())).toBe(0);
  });
});
