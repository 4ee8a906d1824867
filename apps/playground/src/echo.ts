import { WebSocket, type RawData } from 'ws';
import type { ConnectionContext } from './endpoint.js';
import { hasCaughtUp, isOverUnsentLimit } from './limits.js';
import { Outbox } from './outbox.js';

/** Whether the server reads what an `/echo` client sends: it stops while the client does not read. */
const READING = 'reading';
const PAUSED = 'paused';
type EchoState = typeof READING | typeof PAUSED;

/**
 * `/echo`: every message goes straight back to its sender, text as text, binary as binary.
 *
 * A client that sends but does not read would otherwise make the server queue every reply in
 * memory. Once more than `maxUnsentBytes` wait to be sent to it (counted by its `Outbox`: bytes
 * plus a cost per message), the server pauses the socket (`ws`'s `pause()`: no more is read
 * from it, so TCP pushes back on the sender) and resumes it when the queue has fallen to half
 * the limit, checked as each reply is handed to the system.
 */
export function serveEcho(socket: WebSocket, context: ConnectionContext): void {
  let state: EchoState = READING;
  const outbox = new Outbox(socket, function resumeOnceCaughtUp() {
    if (state !== PAUSED || socket.readyState !== WebSocket.OPEN) return;
    if (!hasCaughtUp(outbox.unsentBytes, context.maxUnsentBytes)) return;
    state = READING;
    socket.resume();
    context.resumed();
  });

  socket.on('message', function echoBack(data: RawData, isBinary: boolean) {
    outbox.send(data, isBinary);
    if (state === PAUSED || !isOverUnsentLimit(outbox.unsentBytes, context.maxUnsentBytes)) return;
    state = PAUSED;
    socket.pause();
    context.paused(outbox.unsentBytes);
  });
}
