// Generated once by tools/codegen from specs/websocket.yaml, now hand-written: edit freely. `npm run generate` never overwrites it.
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { blockInfo } from '../support/block-info';
import { within } from '@scratch-websocket/test-support';
import { setup } from '../support/harness';

describe('setConnectTimeout', () => {
  // What the spec fixes. If the spec changes, change this to match (the codegen golden
  // tests and the drift test keep the generated extension itself in line).
  it('is declared in getInfo with the shape, text, arguments and flags of the spec', () => {
    expect(blockInfo('setConnectTimeout')).toEqual({
      opcode: 'setConnectTimeout',
      blockType: 'command',
      text: 'set connect timeout to [SECONDS] seconds',
      arguments: {
        SECONDS: { type: 'number', defaultValue: 5 },
      },
    });
  });

  it('bounds the handshake of the next connect to by the seconds given', async () => {
    const { extension, util } = await setup();
    // Accepts TCP connections and reads the upgrade request, but never answers it.
    const accepted: Socket[] = [];
    const silent = createServer((socket) => void accepted.push(socket.resume()));
    silent.listen(0, '127.0.0.1');
    await within(once(silent, 'listening'), 'the silent server to listen');
    onTestFinished(() => {
      for (const socket of accepted) socket.destroy();
      silent.close();
    });
    extension.setConnectTimeout({ SECONDS: '0.2' }, util());
    const { port } = silent.address() as { port: number };
    await within(Promise.resolve(extension.newInstance({ URL: `ws://127.0.0.1:${port}/` }, util())), 'connect to give up', 5000);
    expect(extension.errorMessage({}, util())).toBe('timed out');
  });
});
