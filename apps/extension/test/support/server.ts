import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { within } from './wait';

/** The server's side of one connection, with its traffic in order. */
export class ServerSide {
  private readonly messages: string[] = [];
  private messageWaiters: Array<(message: string) => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: RawData) => this.receive(data.toString()));
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  private receive(message: string): void {
    const waiter = this.messageWaiters.shift();
    if (waiter === undefined) this.messages.push(message);
    else waiter(message);
  }

  nextMessage(): Promise<string> {
    const queued = this.messages.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return within(new Promise((resolve) => this.messageWaiters.push(resolve)), 'a message at the server');
  }

  nextClose(): Promise<{ code: number; reason: string }> {
    return within(this.closed, 'the connection to close at the server');
  }
}

/** A real `ws` server on 127.0.0.1, on a port the OS picks. */
export class TestServer {
  private readonly pending: ServerSide[] = [];
  private waiters: Array<(side: ServerSide) => void> = [];

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (socket) => {
      const side = new ServerSide(socket);
      const waiter = this.waiters.shift();
      if (waiter === undefined) this.pending.push(side);
      else waiter(side);
    });
  }

  static async start(): Promise<TestServer> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await within(once(server, 'listening'), 'the test server to listen');
    return new TestServer(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  nextConnection(): Promise<ServerSide> {
    const queued = this.pending.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return within(new Promise((resolve) => this.waiters.push(resolve)), 'a connection at the server');
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}
