import type { Connection } from './connection.js';
import { CONNECTING, OPEN, RECONNECTING } from './connection-state.js';
import type { ConversationHooks, SocketBuffer } from './conversation-hooks.js';
import type { ConversationSettings } from './conversation-settings.js';
import { Keepalive } from './keepalive.js';
import { Pace } from './pace.js';
import { PendingReplies, REPLY_NOT_CONNECTED, REPLY_NOT_MATCHABLE, type ReplyStatus } from './pending-replies.js';
import type { ReceivedMessage } from './received-message.js';
import { requestKey } from './reply-matching.js';

/** A clock that only moves forward (ms): `performance.now()` in browsers and Node; `Date.now()` where there is none. */
function monotonicNow(): number {
  return typeof performance === 'object' && typeof performance?.now === 'function' ? performance.now() : Date.now();
}

/**
 * The conversation blocks' state on one connection (one socket's life, or one reconnect try):
 * its waiting requests, its keepalive and its paced sends. The connection holds it as its
 * `ConversationHooks` and tells it of opening, messages and the ending; it acts on the
 * connection only through the connection's own methods (`send`, `lose`). Its settings are
 * its connection name's (`ConversationSettings`), read when they apply.
 */
export class ConversationLink<Target extends object, Thread> implements ConversationHooks {
  private readonly replies = new PendingReplies();
  private readonly pace: Pace;
  private keepalive: Keepalive | null = null;
  private socket: SocketBuffer | null = null;
  /** The number written into the next request that lacks its JSON field (`requestKey`). */
  private nextId = 1;

  constructor(
    private readonly connection: Connection<Target, Thread>,
    private readonly settings: ConversationSettings,
  ) {
    this.pace = new Pace({ handedOver: () => connection.session.traffic.bytesSent, buffered: () => this.socket?.bufferedAmount ?? 0 });
  }

  /** The latest keepalive round-trip time in ms; 0 before the first answer (or with keepalive off). */
  get roundTripMs(): number {
    return this.keepalive?.roundTripMs ?? 0;
  }

  handshakeTimeoutMs(fallback: number): number {
    return this.settings.connectTimeoutMs ?? fallback;
  }

  /** `bytes waiting to be sent`: what the socket holds plus what is kept until it opens (UTF-8 bytes for text). */
  get bytesWaiting(): number {
    return (this.socket?.bufferedAmount ?? 0) + this.connection.session.outbox.waitingBytes;
  }

  opened(socket: SocketBuffer): void {
    this.socket = socket;
    this.pace.opened();
    this.applyKeepalive();
  }

  claims(message: ReceivedMessage): boolean {
    return (this.keepalive !== null && this.keepalive.claims(message)) || this.replies.claims(message);
  }

  ended(): void {
    this.replies.endAll();
    this.keepalive?.stop();
    this.pace.endAll();
  }

  /** Starts (or restarts, or stops) the keepalive as its settings now say, if the connection is open. */
  applyKeepalive(): void {
    this.keepalive?.stop();
    const settings = this.settings.keepalive;
    if (settings === null || this.connection.state !== OPEN) return;
    const connection = this.connection;
    this.keepalive = new Keepalive(settings, { send: (text) => connection.send(text), lost: () => connection.lose(), now: monotonicNow });
    this.keepalive.start();
  }

  /**
   * `send [PAYLOAD] and wait for reply`: sends `payload` (kept while connecting or reconnecting,
   * like `send message`) and resolves with its reply's data, or '' when it times out or the
   * connection ends; `told` hears how it ended. A request that cannot be made answers '' at once
   * (not a promise): a connection that is closing, or, when matching by a field, a payload that
   * is no JSON object with a string or number there.
   */
  request(payload: string, told: (status: ReplyStatus) => void): Promise<string> | string {
    const state = this.connection.state;
    if (state !== OPEN && state !== CONNECTING && state !== RECONNECTING) return refuse(told, REPLY_NOT_CONNECTED);
    const field = this.settings.matchField;
    const keyed = field === null ? null : requestKey(payload, field, this.nextId);
    if (keyed !== null && !keyed.ok) return refuse(told, REPLY_NOT_MATCHABLE);
    const timeoutMs = this.settings.replyTimeoutMs;
    const reply = new Promise<string>((resolve) => {
      const end = (data: string, status: ReplyStatus) => {
        told(status);
        resolve(data);
      };
      if (keyed === null) this.replies.expectNext(end, timeoutMs);
      else this.replies.expectKeyed(field!, keyed.key, end, timeoutMs);
    });
    if (keyed !== null && keyed.payload !== payload) this.nextId += 1;
    // Registered first: a socket that throws on send ends the connection, which ends this request.
    this.connection.send(keyed === null ? payload : keyed.payload);
    return reply;
  }

  /** `send [PAYLOAD] and wait until sent`: resolves once it has left the page, or the connection ended; at once (undefined) when nothing was sent. */
  sendAndWait(payload: string): Promise<void> | undefined {
    const state = this.connection.state;
    if (state !== OPEN && state !== CONNECTING && state !== RECONNECTING) return undefined;
    this.connection.send(payload);
    // A socket that threw has ended the connection, and with it any wait.
    if (this.connection.hasEnded()) return undefined;
    return this.pace.wait(this.connection.state === OPEN ? this.connection.session.traffic.bytesSent : null);
  }
}

function refuse(told: (status: ReplyStatus) => void, status: ReplyStatus): string {
  told(status);
  return '';
}
