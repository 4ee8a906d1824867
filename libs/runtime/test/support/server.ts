import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { within } from './wait.js';

export interface ReceivedClose {
  code: number;
  reason: string;
}

/** A real `ws` server on 127.0.0.1, port chosen by the OS. */
export class TestServer {
  readonly sockets: WebSocket[] = [];
  private taken = 0;
  private waiters: ((socket: WebSocket) => void)[] = [];
  /** Every connection the server ever accepted. */
  accepted = 0;

  private constructor(readonly wss: WebSocketServer) {
    wss.on('connection', (socket) => {
      this.accepted += 1;
      this.sockets.push(socket);
      const waiter = this.waiters.shift();
      if (waiter) {
        this.taken += 1;
        waiter(socket);
      }
    });
  }

  static async start(): Promise<TestServer> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await within(new Promise<void>((resolve) => wss.once('listening', () => resolve())), 'the test server to listen');
    return new TestServer(wss);
  }

  get port(): number {
    const address = this.wss.address();
    if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
    return address.port;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/`;
  }

  /** Connections currently open at the server. */
  get openCount(): number {
    return this.wss.clients.size;
  }

  nextConnection(what = 'a connection at the server'): Promise<WebSocket> {
    if (this.taken < this.sockets.length) return Promise.resolve(this.sockets[this.taken++]!);
    return within(new Promise((resolve) => this.waiters.push(resolve)), what);
  }

  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await within(new Promise<void>((resolve) => this.wss.close(() => resolve())), 'the test server to close');
  }
}

/** The next `count` text messages a server-side socket receives. */
export function receive(socket: WebSocket, count: number, what = `${count} message(s) at the server`): Promise<string[]> {
  const got: string[] = [];
  return within(
    new Promise((resolve) => {
      const onMessage = (data: RawData, isBinary: boolean) => {
        got.push(isBinary ? `<binary>` : data.toString());
        if (got.length === count) {
          socket.off('message', onMessage);
          resolve(got);
        }
      };
      socket.on('message', onMessage);
    }),
    what,
  );
}

/** The close code and reason the server-side socket saw. */
export function closeAtServer(socket: WebSocket, what = 'the close at the server'): Promise<ReceivedClose> {
  return within(
    new Promise((resolve) => {
      socket.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() }));
    }),
    what,
  );
}
