/**
 * What the runtime needs from the program that hosts it (TurboWarp's VM, another Scratch
 * mod, or a test harness). Everything outside the runtime comes in through this interface,
 * so the runtime never touches a VM directly and runs the same in a browser and in Node.
 */

import type { ErrorReason } from './connection-state.js';

/** Removes the listener it was returned for. Calling it twice is harmless. */
export type Unsubscribe = () => void;

export interface Host<Target extends object, Thread = unknown> {
  /**
   * Starts the hat `opcode` for `target` only, restarting threads already under it.
   * Returns one thread per script started, so none when the target has no such script: for the
   * message hat the runtime reads that as "keep messages for `take next message`"
   * (CONTRACT.md, Receiving). The runtime binds each returned thread to the connection whose
   * event started the hat (CONTRACT.md, Several connections), so a thread must be an object that
   * the host passes back to the blocks (TurboWarp: `util.thread`), and a restarted script should
   * get a new one (scratch-vm makes a new Thread); a thread that is not an object binds to nothing.
   */
  startHats(opcode: string, target: Target): Thread[];
  /** Whether `thread` is still running (not finished and not stopped). */
  isThreadActive(thread: Thread): boolean;
  /** Stops `thread` through the VM's own API. */
  stopThread(thread: Thread): void;
  /** Asks permission to connect to `url` (TurboWarp: `Scratch.canFetch`). */
  canFetch(url: string): boolean | Promise<boolean>;
  /**
   * Optional. Why a socket to `url` failed before it opened, when the host can tell better than
   * `connection failed`: `local network blocked` when the browser's Local Network Access
   * permission for that kind of address is denied (TurboWarp's host reads
   * `navigator.permissions`), else null. Called synchronously from the socket's error or close
   * event, so it must answer at once; a throw counts as null.
   */
  failureReason?(url: string): ErrorReason | null;
  /** Called at the start of every frame, before threads step. */
  onFrame(listener: () => void): Unsubscribe;
  /** Called when the stop sign is clicked (stop all). */
  onStopAll(listener: () => void): Unsubscribe;
  /** Called when a target (typically a clone) is removed from the project. */
  onTargetRemoved(listener: (target: Target) => void): Unsubscribe;
  /** Called when the project is replaced or the runtime is disposed. */
  onProjectChange(listener: () => void): Unsubscribe;
}

/**
 * The opcodes of the hats the runtime starts, one per event it raises. They come from the
 * spec (`event:` of each hat block), so the runtime never hard-codes the extension id.
 */
export interface HatOpcodes {
  open: string;
  message: string;
  error: string;
  close: string;
}

/** The part of the standard WebSocket interface the runtime uses (browser or `ws`). */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  /** The subprotocol the server chose once open ('' when none); absent on some test doubles. */
  readonly protocol?: string;
  /**
   * Bytes of payload queued by `send` and not yet handed to the network (WHATWG WebSockets);
   * read by `bytes waiting to be sent` and `send and wait until sent`. Absent on some test
   * doubles, which read as 0.
   */
  readonly bufferedAmount?: number;
  /** A string is sent as one text message; an ArrayBuffer or a view as one binary message. */
  send(data: string | ArrayBuffer | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: string, listener: (event: any) => void): void;
  removeEventListener(type: string, listener: (event: any) => void): void;
}

/**
 * The WebSocket class. `protocols` is passed only when the project named at least one
 * (`connect to … with protocols`); otherwise it is called with the URL alone, as before.
 */
export type WebSocketConstructorLike = new (url: string, protocols?: string[]) => WebSocketLike;
