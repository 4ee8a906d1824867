import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Aedes } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { within } from '@scratch-websocket/test-support';

/**
 * The real `aedes` MQTT broker behind a `ws` server on 127.0.0.1 (an OS-assigned port), as
 * MQTT 3.1.1 §6 runs MQTT over WebSocket: the subprotocol `mqtt`, binary messages, each
 * connection a byte stream (`createWebSocketStream`). The stream writes each piece aedes
 * writes as a message of its own, so a packet reaches a client split over several messages,
 * which §6 allows and a client must join.
 */
export class MqttBroker {
  /** The client identifiers of the CONNECT packets the broker accepted, in order. */
  readonly clientIds: string[] = [];

  private constructor(
    private readonly broker: Aedes,
    private readonly http: Server,
    private readonly wss: WebSocketServer,
  ) {
    broker.on('client', (client) => this.clientIds.push(client.id));
  }

  static async start(): Promise<MqttBroker> {
    const broker = await Aedes.createBroker();
    const http = createServer();
    // A client that does not ask for `mqtt` is refused, as §6 requires of the server.
    const wss = new WebSocketServer({ server: http, handleProtocols: (offered) => (offered.has('mqtt') ? 'mqtt' : false) });
    wss.on('connection', (socket) => broker.handle(createWebSocketStream(socket)));
    await within(new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve)), 'the MQTT broker to listen');
    return new MqttBroker(broker, http, wss);
  }

  /** `ws://127.0.0.1:<port>/`: the broker's address for the project and for Node's `mqtt` client. */
  get url(): string {
    return `ws://127.0.0.1:${(this.http.address() as AddressInfo).port}/`;
  }

  /** Closes the broker, every connection and the server. */
  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    await within(new Promise<void>((resolve) => this.broker.close(() => resolve())), 'the MQTT broker to close');
    await within(new Promise<void>((resolve) => this.wss.close(() => resolve())), 'the MQTT WebSocket server to close');
    await within(new Promise<void>((resolve) => this.http.close(() => resolve())), 'the MQTT HTTP server to close');
  }
}
