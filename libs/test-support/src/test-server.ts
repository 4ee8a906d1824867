import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { within } from './within.js';

/** A close as one side of a connection saw it (RFC 6455 section 7.1.5/7.1.6: code and reason). */
export interface ReceivedClose {
  code: number;
  reason: string;
}

/** The TCP connection under each socket a `TestServer` accepted. */
const tcpOf = new WeakMap<WebSocket, Socket>();

/**
 * Writes, straight onto the TCP connection under `socket` (one a `TestServer` accepted), a text
 * frame whose payload is not UTF-8 (0xFF 0xFE). A client must fail the connection (RFC 6455
 * §8.1): `ws` and browsers fire an `error` event, then `close`. No `ws` API sends such a frame.
 */
export function sendInvalidUtf8Text(socket: WebSocket): void {
  const tcp = tcpOf.get(socket);
  if (tcp === undefined) throw new Error('sendInvalidUtf8Text: not a socket a TestServer accepted');
  tcp.write(Buffer.from([0x81, 0x02, 0xff, 0xfe]));
}

/**
 * The server's side of one connection, recorded from the moment the server accepted it: its
 * text messages in arrival order (binary ones as their bytes read as UTF-8) and its close.
 */
export class ServerSide {
  readonly closed: Promise<ReceivedClose>;
  private readonly messages: string[] = [];
  private messageWaiters: Array<(message: string) => void> = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: RawData) => this.receive(data.toString()));
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** The oldest message not yet taken, waiting up to 3000 ms for one. */
  nextMessage(): Promise<string> {
    const queued = this.messages.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return within(new Promise((resolve) => this.messageWaiters.push(resolve)), 'a message at the server');
  }

  /** The close code and reason, waiting up to 3000 ms for the close. */
  nextClose(): Promise<ReceivedClose> {
    return within(this.closed, 'the connection to close at the server');
  }

  private receive(message: string): void {
    const waiter = this.messageWaiters.shift();
    if (waiter === undefined) this.messages.push(message);
    else waiter(message);
  }
}

export interface TestServerOptions {
  port?: number;
  handleProtocols?: (protocols: Set<string>) => string | false;
}

/**
 * A real `ws` server on 127.0.0.1, on a port the OS picks (or a given one). Each accepted connection is handed
 * out once, in order, by `nextConnection` (the raw socket) or `nextSide` (its recorded traffic).
 */
export class TestServer {
  /** Every socket the server ever accepted, in order. */
  readonly sockets: WebSocket[] = [];
  private readonly sides: ServerSide[] = [];
  private taken = 0;
  private waiters: Array<(side: ServerSide) => void> = [];

  private constructor(readonly wss: WebSocketServer) {
    wss.on('connection', (socket, request) => {
      tcpOf.set(socket, request.socket as Socket);
      const side = new ServerSide(socket);
      this.sockets.push(socket);
      this.sides.push(side);
      const waiter = this.waiters.shift();
      if (waiter !== undefined) {
        this.taken += 1;
        waiter(side);
      }
    });
  }

  /**
   * `port` 0 (the default) lets the OS pick; a test that restarts a server passes the port of
   * the one it stopped. `handleProtocols` is `ws`'s subprotocol choice: given the client's list,
   * it returns the chosen name or false for none (absent: the server picks none).
   */
  static async start(options: TestServerOptions = {}): Promise<TestServer> {
    const wss = new WebSocketServer({
      host: '127.0.0.1',
      port: options.port ?? 0,
      ...(options.handleProtocols === undefined ? {} : { handleProtocols: options.handleProtocols }),
    });
    await within(new Promise<void>((resolve) => wss.once('listening', () => resolve())), 'the test server to listen');
    return new TestServer(wss);
  }

  get port(): number {
    return (this.wss.address() as AddressInfo).port;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/`;
  }

  /** Every connection the server ever accepted. */
  get accepted(): number {
    return this.sockets.length;
  }

  /** Connections currently open at the server. */
  get openCount(): number {
    return this.wss.clients.size;
  }

  /** The next connection not yet handed out, with its traffic since it was accepted. Waits up to 3000 ms. */
  nextSide(what = 'a connection at the server'): Promise<ServerSide> {
    if (this.taken < this.sides.length) return Promise.resolve(this.sides[this.taken++]!);
    return within(new Promise((resolve) => this.waiters.push(resolve)), what);
  }

  /** The next connection not yet handed out, as the server's socket. Waits up to 3000 ms. */
  async nextConnection(what = 'a connection at the server'): Promise<WebSocket> {
    return (await this.nextSide(what)).socket;
  }

  /** Cuts every connection and stops listening. */
  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await within(new Promise<void>((resolve) => this.wss.close(() => resolve())), 'the test server to close');
  }
}

/** The next `count` messages a server-side socket receives from now (binary ones as `<binary>`). */
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

/** The close code and reason the server-side socket saw, from now. */
export function closeAtServer(socket: WebSocket, what = 'the close at the server'): Promise<ReceivedClose> {
  return within(
    new Promise((resolve) => {
      socket.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() }));
    }),
    what,
  );
}
