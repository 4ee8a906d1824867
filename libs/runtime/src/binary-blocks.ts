import { isObject } from './bindings.js';
import { BinaryReader, PAST_END } from './binary-reader.js';
import { isLittleEndian, lengthPrefixOf, numberTypeOf, toNumber } from './binary-types.js';
import { BinaryWriter } from './binary-writer.js';
import { BINARY_DATA_URL_PREFIX, bytesToDataUrl } from './data-url.js';
import { MAX_DATA_URL_LENGTH, parseDataUrl } from './data-url-parse.js';
import type { Inbox } from './inbox.js';
import type { BlockLookup } from './lookup.js';
import { safeText } from './safe-text.js';
import { TaskCache } from './task-cache.js';
import { utf8Encoder } from './text-codecs.js';

const NO_BYTES = new Uint8Array(0);
/** What a script reads when its sprite has no message: nothing. It never moves (every read is past its end), so one serves all. */
const EMPTY_READER = new BinaryReader(NO_BYTES);

/**
 * Who owns a message being built and a read position (CONTRACT.md, Building and reading
 * binary messages): the running script, that is the VM's thread object, so two scripts of one
 * sprite never mix their bytes; a caller that passes no thread object owns them per target.
 * Null for a target that is not an object (it has nothing).
 */
function ownerOf(target: unknown, thread: unknown): object | null {
  if (!isObject(target)) return null;
  return isObject(thread) ? thread : target;
}

/**
 * What one script reads: the message it was handed and its read position. It follows the
 * sprite's `received message data` (the message its `when message received` started it for,
 * or the latest one while it was handed none), starting again at 0 whenever that changes,
 * until the script takes a message with `take next message`: then it reads that one until it
 * takes another, even if newer messages arrive meanwhile.
 */
class ReadState<Target extends object, Thread> {
  /** The inbox and serial of the message followed; `undefined` inbox: the sprite has none. */
  private inbox: Inbox<Target, Thread> | undefined = undefined;
  private serial = -1;
  private pinned = false;
  private data = '';
  private bytes: Uint8Array | null = null;
  private reader: BinaryReader | null = EMPTY_READER;

  /** Whether the script reads a message it took or a data: URL (so the sprite's current message does not matter). */
  isPinned(): boolean {
    return this.pinned;
  }

  /** The reader of the message this script reads now; `inbox` is the sprite's (unused while pinned). */
  readerFor(inbox: Inbox<Target, Thread> | undefined): BinaryReader {
    if (!this.pinned && (this.inbox !== inbox || this.serial !== (inbox?.serial ?? -1))) {
      this.inbox = inbox;
      this.serial = inbox?.serial ?? -1;
      this.load(inbox);
    }
    // A text message is encoded only when the script first reads it: a take loop that never reads pays nothing.
    // Not `??=`, which the gallery's lint refuses as too new.
    if (this.reader === null) this.reader = new BinaryReader(this.bytes ?? utf8Encoder.encode(this.data));
    return this.reader;
  }

  /** The script took the message now in `inbox` with `take next message`: it reads that one from 0 until it takes another. */
  pin(inbox: Inbox<Target, Thread>): void {
    this.pinned = true;
    this.load(inbox);
  }

  /** The script reads `bytes` (`read from data URL`) from 0, until it takes a message or reads other bytes. */
  pinBytes(bytes: Uint8Array): void {
    this.pinned = true;
    this.data = '';
    this.bytes = bytes;
    this.reader = null;
  }

  private load(inbox: Inbox<Target, Thread> | undefined): void {
    this.data = inbox?.data ?? '';
    // The bytes a binary message arrived with: reads never decode its data: URL.
    this.bytes = inbox?.bytesOf(this.data) ?? null;
    this.reader = this.data === '' ? EMPTY_READER : null;
  }
}

/**
 * The blocks that build a binary message value by value and send it, and that read the
 * received message value by value (CONTRACT.md, Building and reading binary messages): a
 * facet of `WebSocketRuntime`, reached as `runtime.binary`. Handlers take the target first,
 * then the block's arguments, then the running thread, which owns the message it builds and
 * its read position; a thread bound to a connection sends on it. Menu values are the lists in
 * `NUMBER_TYPES`, `BYTE_ORDERS` and `LENGTH_PREFIXES`; an unknown type or prefix writes nothing and reads an empty value. No
 * method throws, whatever it is given.
 */
export class BinaryBlocks<Target extends object, Thread = unknown> {
  /** Messages under construction, each its script's: weak, so a script that ends lets its message go. */
  private readonly writers = new WeakMap<object, BinaryWriter>();
  private readonly reading = new WeakMap<object, ReadState<Target, Thread>>();
  private readonly lastWriter = new TaskCache<BinaryWriter>();
  private readonly lastReading = new TaskCache<ReadState<Target, Thread>>();

  constructor(private readonly lookup: BlockLookup<Target, Thread>) {}

  /** Block `start binary message`: empties the message this script is building. */
  start(target: Target, thread?: Thread): void {
    this.writerOf(target, thread, false)?.clear();
  }

  /**
   * Block `add [VALUE] as [TYPE] [ORDER] to binary message`: `value` as a fixed-width number
   * (`int8` … `float64`), in `big endian` or `little endian` order. Numbers are stored as
   * `DataView` stores them (BinaryWriter.writeNumber: integers truncated and wrapped, NaN and
   * ±Infinity as 0); a non-number is cast as Scratch casts it (NaN → 0). An unknown type adds nothing.
   */
  addNumber(target: Target, value: number, type: string, order: string, thread?: Thread): void {
    const writer = this.writerOf(target, thread, true);
    if (writer === undefined) return;
    const number = toNumber(value);
    const little = isLittleEndian(order);
    // The menu's exact value is written at once; only another spelling is looked up.
    if (writer.writeNumber(type, number, little)) return;
    const kind = numberTypeOf(type);
    if (kind !== null) writer.writeNumber(kind, number, little);
  }

  /** Block `add [VALUE] as varint to binary message`: an unsigned LEB128 varint of 1 to 10 bytes (rules in `varintValue`). */
  addVarint(target: Target, value: number, thread?: Thread): void {
    this.writerOf(target, thread, true)?.writeVarint(toNumber(value));
  }

  /** Block `add text [TEXT] to binary message`: its UTF-8 bytes, with no length. */
  addText(target: Target, text: string, thread?: Thread): void {
    this.writerOf(target, thread, true)?.writeText(safeText(text));
  }

  /**
   * Block `add length as [PREFIX] and text [TEXT] to binary message`: the UTF-8 length of
   * `text` as `prefix` says (`uint8`, `uint16 big endian` …, `varint`), then its bytes; a text
   * too long for the prefix is cut at the last whole character that fits. Unknown prefix: nothing.
   */
  addTextWithLength(target: Target, prefix: string, text: string, thread?: Thread): void {
    const kind = lengthPrefixOf(prefix);
    if (kind !== null) this.writerOf(target, thread, true)?.writeTextWithLength(safeText(text), kind);
  }

  /** Block `add bytes of data URL [DATA] to binary message`: the URL's bytes (the received message's without decoding); nothing for what is not a data: URL. */
  addDataUrl(target: Target, data: string, thread?: Thread): void {
    const writer = this.writerOf(target, thread, true);
    if (writer === undefined || typeof data !== 'string') return;
    const received = this.lookup.sprite(target)?.inbox.bytesOf(data);
    if (received) return writer.writeBytes(received);
    const parsed = parseDataUrl(data);
    if (parsed.ok) writer.writeBytes(parsed.bytes);
  }

  /**
   * Block `send binary message`: sends what this script built as one binary message on the
   * connection it uses (kept while connecting, ignored with no connection or after it ended,
   * as `send binary`), and starts a new, empty message either way.
   */
  send(target: Target, thread?: Thread): void {
    const writer = this.writerOf(target, thread, false);
    const bytes = writer?.bytes() ?? NO_BYTES;
    writer?.clear();
    const connection = this.lookup.connection(target, thread);
    if (connection !== undefined && !connection.hasEnded()) connection.send(bytes);
  }

  /** Block `byte length of binary message`: the bytes this script has added since it started its message. */
  length(target: Target, thread?: Thread): number {
    return this.writerOf(target, thread, false)?.length ?? 0;
  }

  /** Block `binary message as data URL`: what this script built so far, in the form of a received binary message; '' past `MAX_DATA_URL_LENGTH`. */
  dataUrl(target: Target, thread?: Thread): string {
    const writer = this.writerOf(target, thread, false);
    if (writer === undefined) return bytesToDataUrl(NO_BYTES);
    // 4 base64 characters per 3 bytes, after the prefix: refuse before encoding.
    if (BINARY_DATA_URL_PREFIX.length + Math.ceil(writer.length / 3) * 4 > MAX_DATA_URL_LENGTH) return '';
    return bytesToDataUrl(writer.bytes());
  }

  /**
   * Block `read [TYPE] [ORDER]`: the next number of `type` in the message this script reads,
   * moving past it; '' (and no move) when too few bytes are left or the type is unknown.
   */
  read(target: Target, type: string, order: string, thread?: Thread): number | string {
    const reader = this.readerOf(target, thread);
    const little = isLittleEndian(order);
    const value = reader.readNumber(type, little);
    if (value !== null) return value;
    const kind = numberTypeOf(type);
    return kind === null ? PAST_END : (reader.readNumber(kind, little) ?? PAST_END);
  }

  /** Block `read varint`: the next unsigned LEB128 varint; '' (no move) when it is cut off or longer than 10 bytes. */
  readVarint(target: Target, thread?: Thread): number | string {
    return this.readerOf(target, thread).readVarint();
  }

  /** Block `read text of [LENGTH] bytes`: the next `length` bytes as UTF-8 text; '' (no move) past the end. */
  readText(target: Target, length: number, thread?: Thread): string {
    return this.readerOf(target, thread).readText(toNumber(length));
  }

  /** Block `read text after length as [PREFIX]`: a length as `prefix` says, then that many bytes as text; '' (no move) past the end. */
  readTextWithLength(target: Target, prefix: string, thread?: Thread): string {
    const kind = lengthPrefixOf(prefix);
    const reader = this.readerOf(target, thread);
    return kind === null ? PAST_END : reader.readTextWithLength(kind);
  }

  /** Block `read [LENGTH] bytes as data URL`: the next `length` bytes in the form of a received binary message; '' (no move) past the end. */
  readDataUrl(target: Target, length: number, thread?: Thread): string {
    const bytes = this.readerOf(target, thread).readBytes(toNumber(length));
    return bytes === null ? PAST_END : bytesToDataUrl(bytes);
  }

  /**
   * Block `read from data URL [DATA]`: from now on this script reads the bytes of `data` from
   * 0 (the received message's own bytes when `data` is it), until it takes a message or reads
   * from another; what is not a data: URL reads as no bytes. Lets a project read what it
   * built or kept, such as a stream's pieces joined (MQTT over WebSocket splits packets).
   */
  readFrom(target: Target, data: string, thread?: Thread): void {
    const owner = ownerOf(target, thread);
    if (owner === null) return;
    const received = typeof data === 'string' ? this.lookup.sprite(target)?.inbox.bytesOf(data) : null;
    const parsed = received ? null : parseDataUrl(data);
    this.stateOf(owner).pinBytes(received ?? (parsed?.ok ? parsed.bytes : NO_BYTES));
  }

  /** Block `read position`: the bytes this script has read of its message (0 at the start). */
  readPosition(target: Target, thread?: Thread): number {
    return this.readerOf(target, thread).position;
  }

  /** Block `set read position to [POSITION]`: truncated, and kept between 0 and the message's length. */
  setReadPosition(target: Target, position: number, thread?: Thread): void {
    this.readerOf(target, thread).seek(toNumber(position));
  }

  /** Block `bytes left to read`: the message's bytes after the read position. */
  bytesLeft(target: Target, thread?: Thread): number {
    return this.readerOf(target, thread).left;
  }

  /** Block `byte length of received message`: the length in bytes of the message this script reads (a text message's in UTF-8). */
  receivedLength(target: Target, thread?: Thread): number {
    return this.readerOf(target, thread).length;
  }

  /**
   * What `take next message` does (the runtime's `takeNextMessage` calls this): removes the
   * sprite's oldest queued message and gives its data ('' when none waits); `thread` then reads
   * that message from its start until it takes another. Finding none changes nothing.
   */
  take(target: Target, thread?: Thread): string {
    const inbox = this.lookup.sprite(target)?.inbox;
    if (inbox === undefined || inbox.size === 0) return '';
    const data = inbox.take();
    const owner = ownerOf(target, thread);
    if (owner !== null) this.stateOf(owner).pin(inbox);
    return data;
  }

  private writerOf(target: Target, thread: Thread | undefined, create: boolean): BinaryWriter | undefined {
    const owner = ownerOf(target, thread);
    if (owner === null) return undefined;
    const cached = this.lastWriter.get(owner);
    if (cached !== undefined) return cached;
    let writer = this.writers.get(owner);
    if (writer === undefined && create) this.writers.set(owner, (writer = new BinaryWriter()));
    if (writer !== undefined) this.lastWriter.set(owner, writer);
    return writer;
  }

  private readerOf(target: Target, thread: Thread | undefined): BinaryReader {
    const owner = ownerOf(target, thread);
    if (owner === null) return EMPTY_READER;
    const state = this.stateOf(owner);
    // A pinned script needs no look-up of its sprite: the common case in a take-and-read loop.
    return state.readerFor(state.isPinned() ? undefined : this.lookup.sprite(target)?.inbox);
  }

  private stateOf(owner: object): ReadState<Target, Thread> {
    const cached = this.lastReading.get(owner);
    if (cached !== undefined) return cached;
    let state = this.reading.get(owner);
    if (state === undefined) this.reading.set(owner, (state = new ReadState()));
    this.lastReading.set(owner, state);
    return state;
  }
}
