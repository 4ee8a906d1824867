import type { ReceivedMessage } from './received-message.js';
import { Timer } from './timer.js';

/** What `set keepalive` asks of one connection (CONTRACT.md, Keepalive). */
export interface KeepaliveSettings {
  /** The text sent as a ping. */
  readonly ping: string;
  /** Ms between pings (> 0). */
  readonly intervalMs: number;
  /** The text the server answers a ping with (compared exactly). */
  readonly pong: string;
  /** Ms the answer may take (> 0); past it the connection is lost. */
  readonly timeoutMs: number;
}

/** What a keepalive does to its connection. */
export interface KeepaliveLine {
  /** Sends `text` as one text message. */
  send(text: string): void;
  /** No answer came in time: the connection is lost. */
  lost(): void;
  /** Now in ms, on a clock that only moves forward (the round-trip time is a difference of two readings). */
  now(): number;
}

/**
 * An application-level ping for one open connection (CONTRACT.md, Keepalive): browsers cannot
 * send WebSocket ping frames (RFC 6455 §5.5.2 leaves them to the implementation, and the
 * WebSocket API exposes none), so a dead link behind a proxy or tunnel is noticed only by
 * asking. A ping goes out when the connection opens and then every `intervalMs`; at most one
 * waits for its answer at a time (a ping that would go out while one waits is skipped). Its two
 * timers are its own and end with `stop`: it does no work per frame.
 */
export class Keepalive {
  private readonly everyInterval = new Timer();
  private readonly deadline = new Timer();
  /** When the ping waiting for its answer was sent (ms, `line.now()`), or null when none waits. */
  private sentAt: number | null = null;
  private latest = 0;

  constructor(
    private readonly settings: KeepaliveSettings,
    private readonly line: KeepaliveLine,
  ) {}

  /** The latest round-trip time in ms, from a ping's sending to its answer's arrival; 0 before the first answer. */
  get roundTripMs(): number {
    return this.latest;
  }

  /** Sends the first ping now and the next ones every interval. */
  start(): void {
    this.tick();
  }

  /** Whether `message` is the ping's answer: then it is this keepalive's, delivered to no script, also when it comes late or unasked. */
  claims(message: ReceivedMessage): boolean {
    if (message !== this.settings.pong) return false;
    if (this.sentAt !== null) {
      this.latest = Math.max(0, this.line.now() - this.sentAt);
      this.sentAt = null;
      this.deadline.clear();
    }
    return true;
  }

  /** Ends both timers (the connection ended, or the setting changed). */
  stop(): void {
    this.everyInterval.clear();
    this.deadline.clear();
    this.sentAt = null;
  }

  private readonly tick = (): void => {
    this.everyInterval.start(this.settings.intervalMs, this.tick);
    if (this.sentAt !== null) return;
    this.sentAt = this.line.now();
    this.deadline.start(this.settings.timeoutMs, this.handleNoAnswer);
    this.line.send(this.settings.ping);
  };

  private readonly handleNoAnswer = (): void => {
    this.stop();
    this.line.lost();
  };
}
