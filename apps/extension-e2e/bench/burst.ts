import type { ConnectionHandler } from '../src/server/ws-server';

/** What a page sends to ask for the burst. */
export const START_MESSAGE = 'go';

/** The burst: short text messages numbered from 1, so order and losses can be checked. */
export function burstMessages(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `m${index + 1}`);
}

/** The number of a burst message (`m17` → 17), or NaN for anything else. */
export function burstIndex(item: unknown): number {
  const text = String(item);
  return /^m[1-9]\d*$/.test(text) ? Number(text.slice(1)) : Number.NaN;
}

/**
 * The server side: on each connection, `START_MESSAGE` makes it send every message of
 * `messages` at once (`ws` queues what the socket cannot take yet), as a fast server would.
 */
export function sendBurstOnStart(messages: readonly string[]): ConnectionHandler {
  return (connection) => {
    connection.socket.on('message', (data: Buffer) => {
      if (data.toString('utf8') !== START_MESSAGE) return;
      for (const message of messages) connection.socket.send(message);
    });
  };
}
