import type { Bindings } from './bindings.js';
import { Connection } from './connection.js';
import type { ConnectionContext, ConnectionHome } from './connection-context.js';
import { RECONNECTING } from './connection-state.js';
import type { Deliverable } from './frame-hook.js';
import { HatGate } from './hat-gate.js';
import { Inbox } from './inbox.js';
import type { Session } from './session.js';

/**
 * The most live connections (connecting, open, closing, reconnecting) one target may have
 * (CONTRACT.md, Several connections). Browsers cap sockets per page (Chromium: 255 in all), so
 * a project cloning a sprite that opens many would fail in ways nobody can read; 32 is far more
 * than a project talking to a few servers needs.
 */
export const MAX_CONNECTIONS_PER_TARGET = 32;

/**
 * The most ended connections whose reporter values one target remembers; older ones are
 * forgotten (their names read as never connected), so names that come and go use bounded memory.
 */
export const MAX_ENDED_CONNECTIONS_PER_TARGET = 32;

/**
 * Everything one target (sprite, stage, clone) has for its connections, and the one owner of
 * them: the current connection of each name (live or ended: what the reporters read), the shared
 * receive queue and the gate of its open, error and close hats. Connections are added, replaced
 * and forgotten only here. The frame hook visits it while something of it waits for a frame.
 */
export class Sprite<Target extends object, Thread> implements ConnectionHome<Target, Thread, Connection<Target, Thread>>, Deliverable {
  readonly inbox: Inbox<Target, Thread>;
  readonly gate: HatGate<Target, Thread>;
  /** The current connection of each name, live or ended, oldest `connect to` first. */
  private readonly connections = new Map<string, Connection<Target, Thread>>();
  /** Connections whose close or error waits behind their messages (at most the live ones). */
  private readonly endingsWaiting = new Set<Connection<Target, Thread>>();
  /** `set automatic reconnect to`: for all of its connections, until the stop sign (CONTRACT.md, Staying connected). */
  private reconnects = false;

  /** `awaken` puts this sprite on the runtime's frame hook. */
  constructor(
    readonly target: Target,
    private readonly context: ConnectionContext<Target, Thread, Connection<Target, Thread>>,
    bindings: Bindings,
    private readonly awaken: (sprite: Sprite<Target, Thread>) => void,
  ) {
    this.inbox = new Inbox(target, context.hats, bindings, this.wake);
    this.gate = new HatGate(target, context.hats, bindings, this.wake);
  }

  /** Something of this sprite waits for a frame. */
  private readonly wake = (): void => this.awaken(this);

  /** ConnectionHome: `connection`'s ending waits behind its messages. */
  endingWaits(connection: Connection<Target, Thread>): void {
    this.endingsWaiting.add(connection);
    this.wake();
  }

  /** The connection named `name`, live or ended; undefined if it never connected (or was forgotten). Allocates nothing. */
  connection(name: string): Connection<Target, Thread> | undefined {
    return this.connections.get(name);
  }

  /**
   * `connect to` on `session.name`: that name's connection (live or ended) closes quietly, and its
   * messages and waiting hats leave; the new one takes the newest place; the oldest ended
   * connections beyond the bound are forgotten. The sprite's other names are left alone.
   */
  connect(session: Session): Connection<Target, Thread> {
    this.forgetName(session.name);
    const connection = new Connection(this.context, this, session);
    this.connections.set(session.name, connection);
    this.forgetOldEnded();
    return connection;
  }

  /** An automatic reconnect's next try takes `previous`'s place, waiting for its turn; null if `previous` is no longer current. */
  continueAfter(previous: Connection<Target, Thread>): Connection<Target, Thread> | null {
    if (!this.isCurrent(previous)) return null;
    const next = new Connection(this.context, this, previous.session, RECONNECTING);
    this.connections.set(previous.name, next);
    return next;
  }

  /** Whether `connection` is still its name's current connection. */
  isCurrent(connection: Connection<Target, Thread>): boolean {
    return this.connections.get(connection.name) === connection;
  }

  /** Whether more live connections than `MAX_CONNECTIONS_PER_TARGET` exist (the newest one must then fail). */
  isOverLimit(): boolean {
    let live = 0;
    for (const connection of this.connections.values()) if (!connection.hasEnded()) live += 1;
    return live > MAX_CONNECTIONS_PER_TARGET;
  }

  /** Whether automatic reconnect is on for this target. */
  get autoReconnect(): boolean {
    return this.reconnects;
  }

  /** Turns automatic reconnect on or off; off ends every reconnect under way, quietly, each reading as the ending that started it. */
  setAutoReconnect(on: boolean): void {
    this.reconnects = on;
    if (!on) for (const connection of [...this.connections.values()]) if (connection.state === RECONNECTING) connection.stop();
  }

  /** The stop sign: automatic reconnect off, every connection stopped without a hat, and no hat or message waits for its turn any more. */
  stopAll(): void {
    // First, so that no ending below starts a reconnect.
    this.reconnects = false;
    this.gate.clear();
    // Stopping applies each queued ending (without its hat).
    this.endingsWaiting.clear();
    for (const connection of [...this.connections.values()]) {
      connection.stop();
      // An ended connection whose messages still waited for the hat: the stop sign ends that too.
      this.inbox.endDelivery(connection.session);
    }
  }

  /** The target was removed or the project changed: every connection closes quietly; no hat runs. */
  closeAllQuietly(): void {
    this.gate.clear();
    this.endingsWaiting.clear();
    for (const connection of this.connections.values()) connection.closeQuietly();
  }

  /** One frame: at most one message to the message hat, the hats whose turn came, then the endings queued behind messages. */
  deliverNext(): void {
    this.inbox.deliverNext();
    this.gate.startWaiting();
    for (const connection of this.endingsWaiting) if (!connection.applyWaitingEnding()) this.endingsWaiting.delete(connection);
  }

  /** Whether something waits for a later frame (Deliverable). Costs the same however much waits. */
  needsFrames(): boolean {
    return this.inbox.hasQueued() || this.gate.hasWaiting() || this.endingsWaiting.size > 0;
  }

  /** How many connections still need the host: live, or ended with something left for a frame. */
  busyCount(): number {
    let busy = 0;
    for (const connection of this.connections.values()) if (!connection.hasEnded() || connection.needsFrames()) busy += 1;
    return busy;
  }

  /**
   * Whether it still needs the host's events: a live connection, something waiting for a frame,
   * or automatic reconnect on (the stop sign must be heard to turn it off, even with nothing connected).
   */
  needsHost(): boolean {
    return this.reconnects || this.busyCount() > 0 || this.needsFrames();
  }

  /** Quietly ends and forgets the connection named `name` (it takes its queued messages and waiting hats along). */
  private forgetName(name: string): void {
    const old = this.connections.get(name);
    if (old === undefined) return;
    this.connections.delete(name);
    old.closeQuietly();
  }

  /**
   * Forgets the oldest ended connections beyond `MAX_ENDED_CONNECTIONS_PER_TARGET` that need
   * nothing more and have no message left in the queue (CONTRACT.md, Several connections:
   * bounded memory), so the map holds at most 32 live plus 32 ended connections, plus ended ones
   * whose messages still wait (bounded by the queue's limit; `connect to` on their name still removes them).
   */
  private forgetOldEnded(): void {
    let ended = 0;
    for (const connection of this.connections.values()) if (connection.hasEnded()) ended += 1;
    for (const [name, connection] of this.connections) {
      if (ended <= MAX_ENDED_CONNECTIONS_PER_TARGET) break;
      if (!connection.hasEnded() || connection.needsFrames() || connection.session.queued > 0) continue;
      this.connections.delete(name);
      ended -= 1;
    }
  }
}
