import { isObject } from './bindings.js';
import type { Connection } from './connection.js';
import type { ConversationHooks } from './conversation-hooks.js';
import { ConversationLink } from './conversation-link.js';
import { ConversationSettings } from './conversation-settings.js';
import type { BlockLookup } from './lookup.js';
import { REPLY_NOT_CONNECTED, type ReplyStatus } from './pending-replies.js';

/**
 * The blocks of conversations with a server (CONTRACT.md, Replies, Keepalive and Pace), a facet
 * of `WebSocketRuntime` (`runtime.conversation`; the spec names them `conversation.<method>`).
 * Each block finds its connection through the runtime's `BlockLookup`, as every other block.
 * It owns the settings of each target's connection names and, through `watch`, one
 * `ConversationLink` per connection, which the connection tells what happens to it. No method
 * throws, whatever it is given.
 */
export class ConversationBlocks<Target extends object, Thread = unknown> {
  /** Each target's settings, by connection name; weak, so a deleted clone's go with it. */
  private readonly settings = new WeakMap<Target, Map<string, ConversationSettings>>();
  /** Each connection's link, made when the connection is (`watch`). */
  private readonly links = new WeakMap<Connection<Target, Thread>, ConversationLink<Target, Thread>>();
  /** `reply status` of each script (by thread; by target for callers without one). */
  private readonly statuses = new WeakMap<object, ReplyStatus>();

  constructor(private readonly lookup: BlockLookup<Target, Thread>) {}

  /**
   * For the runtime, not a block: the hooks of a new `connection` (`ConnectionContext.conversations`),
   * reading its target's settings for its name.
   */
  watch(connection: Connection<Target, Thread>): ConversationHooks {
    const link = new ConversationLink(connection, this.settingsOf(connection.target, connection.name));
    this.links.set(connection, link);
    return link;
  }

  /**
   * Block `send [PAYLOAD] and wait for reply`: sends `payload` on the bound connection and
   * resolves with the reply's data (a binary reply as its data: URL), or '' when it times out,
   * the connection ends, or no request could be made; `reply status` then tells which. The
   * reply goes to this script only: no `when message received`, no queue, and `received
   * message data` is left as it was. A non-string payload is sent as ''.
   */
  request(target: Target, payload: string, thread?: Thread): Promise<string> | string {
    const told = (status: ReplyStatus) => this.setStatus(target, thread, status);
    const link = this.linkOf(target, thread);
    if (link === undefined) {
      told(REPLY_NOT_CONNECTED);
      return '';
    }
    return link.request(typeof payload === 'string' ? payload : '', told);
  }

  /**
   * Block `reply status`: how this script's latest request ended: `answered`, `timed out`,
   * `connection ended`, `not connected` or `no id` (pending-replies.ts); '' before its first.
   * Stable English words, never translated.
   */
  replyStatus(target: Target, thread?: Thread): string {
    const key = isObject(thread) ? thread : target;
    return isObject(key) ? (this.statuses.get(key) ?? '') : '';
  }

  /** Block `match replies in order`: the bound connection name's replies answer its requests in the order they were sent (the default). */
  matchInOrder(target: Target, thread?: Thread): void {
    this.settingsFor(target, thread)?.matchInOrder();
  }

  /** Block `match replies by JSON field [FIELD]`: a reply answers the request whose `field` it repeats (JSON-RPC 2.0: `id`). */
  matchByField(target: Target, field: string, thread?: Thread): void {
    this.settingsFor(target, thread)?.matchBy(field);
  }

  /** Block `set reply timeout to [SECONDS] seconds`: a number > 0; anything else goes back to 10 s. Applies to requests made after it. */
  setReplyTimeout(target: Target, seconds: number, thread?: Thread): void {
    this.settingsFor(target, thread)?.setReplyTimeout(seconds);
  }

  /**
   * Block `keep alive: every [INTERVAL] seconds send [PING], expect [PONG] within [TIMEOUT]
   * seconds`: on for the bound connection name (at once if it is open, else from its next open);
   * an interval or timeout that is not a number > 0 turns it off.
   */
  setKeepalive(target: Target, interval: number, ping: string, pong: string, timeout: number, thread?: Thread): void {
    const settings = this.settingsFor(target, thread);
    if (settings === undefined) return;
    settings.setKeepalive(interval, ping, pong, timeout);
    this.linkOf(target, thread)?.applyKeepalive();
  }

  /** Block `round-trip time`: the bound connection's latest keepalive round trip in ms (a fraction); 0 before the first answer. */
  roundTripTime(target: Target, thread?: Thread): number {
    return this.linkOf(target, thread)?.roundTripMs ?? 0;
  }

  /** Block `bytes waiting to be sent`: the socket's `bufferedAmount` plus the UTF-8 bytes kept while connecting or reconnecting. */
  bytesWaiting(target: Target, thread?: Thread): number {
    return this.linkOf(target, thread)?.bytesWaiting ?? 0;
  }

  /** Block `send [PAYLOAD] and wait until sent`: as `send message`, then waits until the message has left the page or the connection ends. */
  sendAndWait(target: Target, payload: string, thread?: Thread): Promise<void> | undefined {
    return this.linkOf(target, thread)?.sendAndWait(typeof payload === 'string' ? payload : '');
  }

  /** Block `set connect timeout to [SECONDS] seconds`: for the bound name's next sockets; a number > 0, anything else back to 20 s. */
  setConnectTimeout(target: Target, seconds: number, thread?: Thread): void {
    this.settingsFor(target, thread)?.setConnectTimeout(seconds);
  }

  private linkOf(target: Target, thread: Thread | undefined): ConversationLink<Target, Thread> | undefined {
    const connection = this.lookup.connection(target, thread);
    return connection === undefined ? undefined : this.links.get(connection);
  }

  /** The settings of the name `thread` is bound to, made on first use; undefined for anything that is not a target. */
  private settingsFor(target: Target, thread: Thread | undefined): ConversationSettings | undefined {
    return isObject(target) ? this.settingsOf(target, this.lookup.bindings.nameOf(thread)) : undefined;
  }

  private settingsOf(target: Target, name: string): ConversationSettings {
    let names = this.settings.get(target);
    if (names === undefined) this.settings.set(target, (names = new Map()));
    let settings = names.get(name);
    if (settings === undefined) names.set(name, (settings = new ConversationSettings()));
    return settings;
  }

  private setStatus(target: Target, thread: Thread | undefined, status: ReplyStatus): void {
    const key = isObject(thread) ? thread : target;
    if (isObject(key)) this.statuses.set(key, status);
  }
}
