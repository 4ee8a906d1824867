import type { WebSocketLike } from './host.js';
import { READY_STATE_CLOSED, READY_STATE_CLOSING, READY_STATE_CONNECTING, READY_STATE_OPEN } from './ready-state.js';
import { ABNORMAL_CLOSURE } from './socket-link.js';
import { utf8ByteLength } from './statistics.js';

/** Where a `WorkerSocket`'s calls go: the page's end of the socket worker (worker-hub.ts). */
export interface SocketChannel {
  send(id: number, data: string | ArrayBuffer, bytes: number): void;
  close(id: number, code: number | null, reason: string | null): void;
}

type Listener = (event: any) => void;

/**
 * A WebSocket that lives in the socket worker, as the page sees it: the standard interface the
 * runtime uses (readyState, protocol, bufferedAmount, binaryType, send, close and the four
 * events), so the runtime cannot tell it from the page's own. Its calls go to the worker through
 * a `SocketChannel`; the worker's events come back through the hub, which calls `opened`,
 * `received`, `errored`, `threw`, `buffered` and `closed` in the order the worker saw them.
 * Only those methods move its state; the hub owns nothing of it but its id.
 */
export class WorkerSocket implements WebSocketLike {
  static readonly CONNECTING = READY_STATE_CONNECTING;
  static readonly OPEN = READY_STATE_OPEN;
  static readonly CLOSING = READY_STATE_CLOSING;
  static readonly CLOSED = READY_STATE_CLOSED;

  /** The browser's default; the runtime asks for `arraybuffer`, the only kind the page is given here. */
  binaryType = 'blob';
  private state: number = READY_STATE_CONNECTING;
  private chosenProtocol = '';
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Bytes handed to `send` so far, and the worker's last word: its `bufferedAmount` after `handled` of them. */
  private sentBytes = 0;
  private handled = 0;
  private workerBuffered = 0;
  /** The name of the error the worker's WebSocket threw for it (`SecurityError`…), if one did. */
  private thrown: string | null = null;

  constructor(
    readonly url: string,
    private readonly id: number,
    private readonly channel: SocketChannel,
  ) {}

  get readyState(): number {
    return this.state;
  }

  get protocol(): string {
    return this.chosenProtocol;
  }

  /**
   * As the standard's: bytes sent but not yet on the wire. Here, what the worker has not yet
   * taken from the page plus the worker socket's own `bufferedAmount` when it last said.
   */
  get bufferedAmount(): number {
    return this.sentBytes - this.handled + this.workerBuffered;
  }

  /** Why the worker's WebSocket refused this socket (the error's name), or null. */
  get refusal(): string | null {
    return this.thrown;
  }

  /** As the standard's: refuses while connecting; after the close, counts and drops. */
  send(data: string | ArrayBuffer | ArrayBufferView): void {
    if (this.state === READY_STATE_CONNECTING) throw new DOMException('Still in CONNECTING state.', 'InvalidStateError');
    const payload = typeof data === 'string' ? data : copyOf(data);
    const bytes = typeof payload === 'string' ? utf8ByteLength(payload) : payload.byteLength;
    this.sentBytes += bytes;
    if (this.state === READY_STATE_OPEN) this.channel.send(this.id, payload, bytes);
  }

  /** Starts the closing handshake in the worker (code and reason already valid: the runtime checks them). */
  close(code?: number, reason?: string): void {
    if (this.state === READY_STATE_CLOSING || this.state === READY_STATE_CLOSED) return;
    this.state = READY_STATE_CLOSING;
    this.channel.close(this.id, code ?? null, code === undefined ? null : (reason ?? ''));
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (set === undefined) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  /** The worker's socket opened with `protocol`. */
  opened(protocol: string): void {
    if (this.state !== READY_STATE_CONNECTING) return;
    this.state = READY_STATE_OPEN;
    this.chosenProtocol = protocol;
    this.dispatch('open', { type: 'open' });
  }

  /** A message: text, or the bytes the worker moved to the page. */
  received(data: string | ArrayBuffer): void {
    const shown = typeof data === 'string' || this.binaryType === 'arraybuffer' ? data : new Blob([data]);
    this.dispatch('message', { type: 'message', data: shown });
  }

  errored(): void {
    this.dispatch('error', { type: 'error' });
  }

  /** The worker's WebSocket threw `name` (in its constructor or `close`): failed, as a browser fails a socket it cannot use. */
  threw(name: string): void {
    this.thrown = name;
    this.errored();
    this.closed(ABNORMAL_CLOSURE, '');
  }

  /** The worker socket's `bufferedAmount` after it handled `handled` bytes of this socket's sends. */
  buffered(amount: number, handled: number): void {
    this.workerBuffered = amount;
    this.handled = handled;
  }

  /** The close event; the worker has let go of its socket. */
  closed(code: number, reason: string): void {
    if (this.state === READY_STATE_CLOSED) return;
    this.state = READY_STATE_CLOSED;
    this.dispatch('close', { type: 'close', code, reason, wasClean: code !== ABNORMAL_CLOSURE });
  }

  private dispatch(type: string, event: { type: string; [field: string]: unknown }): void {
    const set = this.listeners.get(type);
    if (set === undefined) return;
    for (const listener of [...set]) {
      try {
        listener.call(this, { ...event, target: this });
      } catch (error) {
        // As EventTarget does: the exception is reported and the other listeners still run.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/**
 * The bytes to post. The caller keeps its buffer (a received message's bytes are sent back as
 * they are kept, CONTRACT.md, Sending), so it is copied once here into a buffer of our own,
 * which the post then transfers: one copy, as the page's own WebSocket makes.
 */
function copyOf(data: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data.slice(0);
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}
