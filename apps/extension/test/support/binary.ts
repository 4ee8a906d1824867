import type { WebSocket } from 'ws';
import { within } from '@scratch-websocket/test-support';
import { HAT_OPCODES, setup } from './harness';

/** The next message at the server's socket: whether it was binary, and its bytes. */
export function nextRaw(socket: WebSocket): Promise<{ binary: boolean; bytes: number[] }> {
  return within(
    new Promise((resolve) => socket.once('message', (data: Buffer, binary: boolean) => resolve({ binary, bytes: [...data] }))),
    'a message at the server',
  );
}

/**
 * A sprite whose `when message received` script has just been started for `message` (sent by
 * the server): the extension, and the VM's `util` of that script, as the blocks under the hat get it.
 */
export async function handling(message: string | Buffer) {
  const fixture = await setup();
  const side = await fixture.connect();
  const started = fixture.host.nextHat(HAT_OPCODES.message, fixture.sprite);
  side.socket.send(message);
  const { thread } = await within(started, 'the message hat');
  return { ...fixture, side, hat: fixture.util(fixture.sprite, thread) };
}
