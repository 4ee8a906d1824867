import { WebSocketServer } from 'ws';

/** A `ws` server on 127.0.0.1 that sends every message back as it came (text or binary). */
export function startEchoServer(): Promise<WebSocketServer> {
  return new Promise((resolve, reject) => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (socket) => {
      socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
    });
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

export function closeEchoServer(server: WebSocketServer): Promise<void> {
  for (const client of server.clients) client.terminate();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
