// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { describe, expect, it } from 'vitest';
import { blockInfo } from '../support/block-info';
import { setup } from '../support/harness';
import { protocolServer } from '../support/protocol-server';

describe('protocol', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('protocol')).toEqual({
      opcode: 'protocol',
      blockType: 'reporter',
      text: 'protocol',
      disableMonitor: false,
    });
  });

  it('is empty before connecting and when no protocol was offered', async () => {
    const { extension, connect, util } = await setup();
    expect(extension.protocol({}, util())).toBe('');
    await connect();
    expect(extension.protocol({}, util())).toBe('');
  });

  it('gives the protocol the server chose, and keeps it after the connection closed', async () => {
    const { extension, util } = await setup();
    const server = await protocolServer(() => 'mqtt');
    await extension.connectWithProtocols({ URL: server.url, PROTOCOLS: 'mqtt' }, util());
    expect(extension.protocol({}, util())).toBe('mqtt');
    extension.closeWithoutReason({}, util());
    expect(extension.protocol({}, util())).toBe('mqtt');
  });
});
