import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { waitFor, DEFAULT_WAIT_MS } from '../wait-for';

/** A message the server received from the browser. */
export interface ReceivedMessage {
  readonly text: string;
  readonly isBinary: boolean;
}

/** The close frame the server received, or the close it saw without one. */
export interface ServerSideClose {
  readonly code: number;
  /** The reason's raw bytes, so a test can check they are valid UTF-8 of at most 123 bytes. */
  readonly reasonBytes: Buffer;
}

/** One client connection as the server saw it. */
export class ServerConnection {
  readonly received: ReceivedMessage[] = [];
  close: ServerSideClose | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly path: string,
  ) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      this.received.push({ text: data.toString('utf8'), isBinary });
    });
    socket.on('close', (code: number, reasonBytes: Buffer) => {
      this.close = { code, reasonBytes };
    });
  }

  get texts(): string[] {
    return this.received.map((message) => message.text);
  }

  get isClosed(): boolean {
    return this.close !== null;
  }

  async waitForMessages(count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<string[]> {
    await waitFor(() => this.received.length >= count, `the server to receive ${count} messages on ${this.path}`, timeoutMs, () => this.texts);
    return this.texts;
  }

  async waitForClose(timeoutMs = DEFAULT_WAIT_MS): Promise<ServerSideClose> {
    await waitFor(() => this.close !== null, `the connection on ${this.path} to close at the server`, timeoutMs);
    return this.close!;
  }
}

export type ConnectionHandler = (connection: ServerConnection, request: IncomingMessage) => void;

/**
 * A real `ws` server on 127.0.0.1, port 0, that records every connection and message.
 * Each test gives it the behaviour it needs (`onConnection`); without one it echoes.
 */
export interface RecordingServerOptions {
  /** Answer every upgrade with HTTP 403 instead of 101, as a server that refuses the handshake. */
  refuseHandshake?: boolean;
  /** Leave every upgrade unanswered until `releaseHandshakes()`: a server that is slow to accept. */
  holdHandshakes?: boolean;
  /** Listen on this port instead of an OS-assigned one: a server restarted where an earlier one was. */
  port?: number;
  /** Picks the subprotocol from those the client offered (`ws`'s handleProtocols); false picks none. */
  handleProtocols?: (offered: Set<string>) => string | false;
}

type Accept = (result: boolean, code?: number, message?: string) => void;

export class RecordingServer {
  readonly connections: ServerConnection[] = [];
  /** Paths of upgrade requests refused with `refuseHandshake`. */
  readonly refusedHandshakes: string[];
  /** Upgrades waiting for `releaseHandshakes()`. */
  private readonly heldHandshakes: Accept[];

  private constructor(
    private readonly server: WebSocketServer,
    readonly port: number,
    refusedHandshakes: string[],
    heldHandshakes: Accept[],
  ) {
    this.refusedHandshakes = refusedHandshakes;
    this.heldHandshakes = heldHandshakes;
  }

  /** How many upgrades `holdHandshakes` is holding. */
  get heldCount(): number {
    return this.heldHandshakes.length;
  }

  /** Accepts every held upgrade. */
  releaseHandshakes(): void {
    for (const accept of this.heldHandshakes.splice(0)) accept(true);
  }

  static async start(onConnection: ConnectionHandler = echo, options: RecordingServerOptions = {}): Promise<RecordingServer> {
    const refused: string[] = [];
    const held: Accept[] = [];
    const server = new WebSocketServer({
      host: '127.0.0.1',
      port: options.port ?? 0,
      ...(options.handleProtocols ? { handleProtocols: options.handleProtocols } : {}),
      verifyClient: (info, accept) => {
        if (options.holdHandshakes) return held.push(accept);
        if (!options.refuseHandshake) return accept(true);
        refused.push(info.req.url ?? '/');
        accept(false, 403, 'Forbidden');
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const recording = new RecordingServer(server, (server.address() as AddressInfo).port, refused, held);
    server.on('connection', (socket, request) => {
      const connection = new ServerConnection(socket, request.url ?? '/');
      recording.connections.push(connection);
      onConnection(connection, request);
    });
    return recording;
  }

  /** `ws://127.0.0.1:<port><path>` */
  url(path = '/'): string {
    return `ws://127.0.0.1:${this.port}${path}`;
  }

  async waitForConnections(count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<ServerConnection[]> {
    await waitFor(() => this.connections.length >= count, `${count} connections at the server`, timeoutMs, () => this.connections.length);
    return this.connections;
  }

  /** Open connections right now (the server's view). */
  get openCount(): number {
    return this.connections.filter((connection) => !connection.isClosed).length;
  }

  /** Closes the server, dropping every client without a close frame; a second call waits for the first. */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private closing: Promise<void> | undefined;

  private closeOnce(): Promise<void> {
    // A held upgrade keeps its socket open, and with it the server: answer it first.
    for (const accept of this.heldHandshakes.splice(0)) accept(false, 503, 'Server closing');
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}

/** Sends every message back as it came, text as text and binary as binary. */
export const echo: ConnectionHandler = (connection) => {
  connection.socket.on('message', (data: Buffer, isBinary: boolean) => connection.socket.send(data, { binary: isBinary }));
};

/** A port with nothing listening: bound by the OS, then released, so connecting is refused. */
export async function refusedPort(): Promise<number> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
