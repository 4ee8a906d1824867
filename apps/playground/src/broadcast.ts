import { WebSocket, type RawData } from 'ws';
import type { ConnectionContext } from './endpoint.js';
import { isOverUnsentLimit } from './limits.js';
import { Outbox } from './outbox.js';

/** Close code 1008 "policy violation" (RFC 6455 §7.4.1): the member broke the room's rule. */
const POLICY_VIOLATION = 1008;
/** A close reason must fit in 123 bytes (RFC 6455 §5.5: control frame payload ≤ 125). */
const TOO_SLOW_REASON = 'too slow: too much unsent data; reconnect and read your messages';

interface Member {
  socket: WebSocket;
  context: ConnectionContext;
  outbox: Outbox;
}

/**
 * `/broadcast`: one room. Every message goes to every other member, in the same kind (text or
 * binary) it came in, so two tabs, two sprites or two clones can talk through it. The sender
 * does not get its own message back: `/echo` is for that.
 *
 * A member that does not read what the room sends it is dropped as soon as more than
 * `maxUnsentBytes` wait to be sent to it (counted by its `Outbox`: bytes plus a cost per
 * message, so many small messages count too): it leaves the room, gets close 1008 with a reason,
 * and is cut if it has not finished the closing handshake within `closeGraceMs`. So a stalled
 * member cannot make the room hold data for it without end, nor slow down the others.
 */
export class BroadcastRoom {
  private readonly members = new Map<WebSocket, Member>();

  get size(): number {
    return this.members.size;
  }

  join(socket: WebSocket, context: ConnectionContext): void {
    this.members.set(socket, { socket, context, outbox: new Outbox(socket) });
    const relay = (data: RawData, isBinary: boolean) => {
      for (const member of [...this.members.values()]) {
        // A member still opening or already closing cannot take a message; it is skipped.
        if (member.socket === socket || member.socket.readyState !== WebSocket.OPEN) continue;
        if (isOverUnsentLimit(member.outbox.unsentBytes, member.context.maxUnsentBytes)) {
          this.drop(member);
          continue;
        }
        member.outbox.send(data, isBinary);
      }
    };
    socket.on('message', relay);
    socket.once('close', () => {
      socket.off('message', relay);
      this.members.delete(socket);
    });
  }

  private drop({ socket, context, outbox }: Member): void {
    this.members.delete(socket);
    context.dropped(outbox.unsentBytes);
    socket.close(POLICY_VIOLATION, TOO_SLOW_REASON);
    // The close frame waits behind everything unsent; a member that reads nothing never gets
    // it, and `ws` would hold its data for 30 s before giving up.
    const cut = setTimeout(() => socket.terminate(), context.closeGraceMs);
    socket.once('close', () => clearTimeout(cut));
  }
}
