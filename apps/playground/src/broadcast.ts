import { WebSocket, type RawData } from 'ws';

/**
 * `/broadcast`: one room. Every message goes to every other member, in the same kind (text or
 * binary) it came in, so two tabs, two sprites or two clones can talk through it. The sender
 * does not get its own message back: `/echo` is for that.
 */
export class BroadcastRoom {
  private readonly members = new Set<WebSocket>();

  get size(): number {
    return this.members.size;
  }

  join(socket: WebSocket): void {
    this.members.add(socket);
    const relay = (data: RawData, isBinary: boolean) => {
      for (const member of this.members) {
        // A member still opening or already closing cannot take a message; it is skipped.
        if (member === socket || member.readyState !== WebSocket.OPEN) continue;
        member.send(data, { binary: isBinary });
      }
    };
    socket.on('message', relay);
    socket.once('close', () => {
      socket.off('message', relay);
      this.members.delete(socket);
    });
  }
}
