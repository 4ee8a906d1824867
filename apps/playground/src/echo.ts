import type { RawData, WebSocket } from 'ws';

/** `/echo`: every message goes straight back to its sender, text as text, binary as binary. */
export function serveEcho(socket: WebSocket): void {
  socket.on('message', function echoBack(data: RawData, isBinary: boolean) {
    socket.send(data, { binary: isBinary });
  });
}
