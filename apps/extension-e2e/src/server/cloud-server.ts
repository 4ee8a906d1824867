import type { ConnectionHandler, ServerConnection } from './ws-server';

/**
 * A small cloud-variable server speaking the protocol of TurboWarp's cloud servers: each
 * WebSocket message holds one or more JSON lines separated by "\n". A client first sends
 * `{"method":"handshake","project_id":…,"user":…}`; the server answers with a `set` line for
 * every variable of that project; then `{"method":"set","name":"☁ x","value":…}` from any
 * client is stored and passed on to the other clients of the same project.
 */

export interface CloudLine {
  method: string;
  [key: string]: unknown;
}

/** Close codes this server uses for a client that breaks the protocol. */
export const CLOUD_CLOSE = {
  notJson: 4000,
  noHandshake: 4001,
  badName: 4002,
} as const;

const CLOUD_PREFIX = '☁ ';

interface Client {
  connection: ServerConnection;
  projectId: string;
  user: string;
}

export class CloudServer {
  /** Every line each connection sent, parsed, in order. */
  readonly linesBy = new Map<ServerConnection, CloudLine[]>();
  private readonly variables = new Map<string, Map<string, unknown>>();
  private readonly clients = new Set<Client>();

  /** Seeds a project's variables, as a server that already holds values. */
  seed(projectId: string, values: Record<string, unknown>): void {
    this.variables.set(projectId, new Map(Object.entries(values)));
  }

  readonly handle: ConnectionHandler = (connection) => {
    let client: Client | null = null;
    this.linesBy.set(connection, []);
    connection.socket.on('message', (data: Buffer) => {
      for (const text of data.toString('utf8').split('\n')) {
        if (text === '') continue;
        const line = parseLine(text);
        if (line === null) return connection.socket.close(CLOUD_CLOSE.notJson, 'not JSON');
        this.linesBy.get(connection)!.push(line);
        if (line.method === 'handshake') client = this.handshake(connection, line);
        else if (line.method === 'set') {
          if (client === null) return connection.socket.close(CLOUD_CLOSE.noHandshake, 'handshake first');
          if (!this.set(client, line)) return connection.socket.close(CLOUD_CLOSE.badName, 'not a cloud variable');
        }
      }
    });
    connection.socket.on('close', () => {
      for (const candidate of this.clients) if (candidate.connection === connection) this.clients.delete(candidate);
    });
  };

  private handshake(connection: ServerConnection, line: CloudLine): Client {
    const client = { connection, projectId: String(line.project_id), user: String(line.user) };
    this.clients.add(client);
    const values = this.variables.get(client.projectId) ?? new Map<string, unknown>();
    this.variables.set(client.projectId, values);
    const lines = [...values].map(([name, value]) => JSON.stringify({ method: 'set', name, value }));
    if (lines.length > 0) connection.socket.send(lines.join('\n'));
    return client;
  }

  /** Stores and relays a set; false when the name is not a cloud variable's. */
  private set(client: Client, line: CloudLine): boolean {
    if (typeof line.name !== 'string' || !line.name.startsWith(CLOUD_PREFIX)) return false;
    this.variables.get(client.projectId)!.set(line.name, line.value);
    const relay = JSON.stringify({ method: 'set', name: line.name, value: line.value });
    for (const other of this.clients) {
      if (other !== client && other.projectId === client.projectId) other.connection.socket.send(relay);
    }
    return true;
  }

  valueOf(projectId: string, name: string): unknown {
    return this.variables.get(projectId)?.get(name);
  }
}

function parseLine(text: string): CloudLine | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || typeof (value as CloudLine).method !== 'string') return null;
    return value as CloudLine;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}
