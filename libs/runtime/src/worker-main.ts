/**
 * The socket worker's whole program. The TurboWarp host turns this one function's source into
 * the worker's `blob:` script (off-thread-sockets.ts, `startBlobWorker`), so it must stand
 * alone: no imports, no helpers from outside, nothing a bundler would have to lower into a
 * helper (no classes, spreads, `async`, `?.` or `??`). The numbers are the ones the page's end of the worker protocol names.
 *
 * Why a worker: every socket event is a task on the thread that owns the socket. On the page's
 * main thread a flooding server's tasks run ahead of the VM's frames (1.5–2.4 fps measured in
 * TurboWarp); here they only fill an array, and the page gets them in batches (issue 22).
 *
 * Flow control keeps batches without latency: while no batch is waiting for the page, the first
 * event is posted at once, alone; until the page acknowledges it (COMMAND_ACK), later events
 * collect into the next batch. So an idle page gets each message in the next task, and a busy
 * page gets one batch per task it can spare, however fast the server sends. A batch of nothing
 * but `bufferedAmount` reports holds nothing back (the page still acknowledges it): one goes
 * after every batch of sends, so a reply to a request would otherwise wait for the page to
 * acknowledge the report of its own request, one more trip through the page's thread (it held
 * about one reply in ten by 0.5–4.5 ms in Chromium on a loaded machine). Reports come at most
 * once per batch of the page's commands and once per poll, so they cannot flood the page.
 * Under a flood the worker's own socket tasks can hold the page's acknowledgement back for
 * seconds (seen in Chromium: the page stopped getting messages mid-burst), so a batch also goes
 * once `BATCH_MS` have passed since the last one, acknowledged or not: postMessage keeps them in
 * order.
 *
 * `scope` is the worker's global (`self`), with its WebSocket class (a Node test passes `ws`'s).
 */
export function scratchWebSocketWorker(scope: WorkerScope): void {
  /** Socket id → its WebSocket, from COMMAND_OPEN until its close event. */
  const sockets = new Map<number, WorkerWebSocket>();
  /** Socket id → bytes of its sends handled so far (the page subtracts them from what it sent). */
  const handledBytes = new Map<number, number>();
  /** The next batch for the page, four slots per event, and the buffers it transfers. */
  let events: unknown[] = [];
  let transfers: ArrayBuffer[] = [];
  /** Batches with the page and not yet acknowledged that hold the next one back (not those of reports only). */
  let unacknowledged = 0;
  /** Per batch with the page, oldest first: whether it counts in `unacknowledged` (one acknowledgement comes per batch). */
  const holding: boolean[] = [];
  /** When the last batch was posted (`Date.now()`), and the longest a batch waits for an acknowledgement. */
  let postedAt = 0;
  const BATCH_MS = 10;
  /** The timer that reports `bufferedAmount` falling while some socket still has bytes buffered. */
  let bufferedPoll: unknown = null;

  /** The timer that posts a held batch once `BATCH_MS` have passed, or null while none is held. */
  let heldPost: unknown = null;

  function post(kind: number, id: number, a: unknown, b: unknown): void {
    events.push(kind, id, a, b);
    if (unacknowledged === 0 || Date.now() - postedAt >= BATCH_MS) flush();
    // Held for the acknowledgement: without a timer, the last events before a quiet spell would
    // wait for it however long the page is busy (a frame of the VM, 12 ms of 16.7), or for
    // ever if it were lost; so they go `BATCH_MS` after the last batch at the latest.
    else if (heldPost === null) heldPost = scope.setTimeout(postHeld, BATCH_MS - (Date.now() - postedAt));
  }

  function postHeld(): void {
    heldPost = null;
    const waited = Date.now() - postedAt;
    if (unacknowledged === 0 || waited >= BATCH_MS) flush();
    else if (events.length > 0) heldPost = scope.setTimeout(postHeld, BATCH_MS - waited);
  }

  function flush(): void {
    if (events.length === 0) return;
    const batch = events;
    const moved = transfers;
    events = [];
    transfers = [];
    const holds = !reportsOnly(batch);
    holding.push(holds);
    if (holds) {
      unacknowledged += 1;
      postedAt = Date.now();
    }
    scope.postMessage(batch, moved);
  }

  /** Whether every entry of `batch` is a `bufferedAmount` report (kind 5). */
  function reportsOnly(batch: unknown[]): boolean {
    for (let i = 0; i < batch.length; i += 4) if (batch[i] !== 5) return false;
    return true;
  }

  /** The page's acknowledgement of its oldest unacknowledged batch. */
  function acknowledged(): void {
    if (holding.shift() === true) unacknowledged -= 1;
  }

  function openSocket(id: number, url: string, protocols: string[] | null): void {
    let socket: WorkerWebSocket;
    try {
      // The page asked Scratch.canFetch(url) before it sent this command: the worker opens only what the page allowed.
      socket = protocols === null ? new scope.WebSocket(url) : new scope.WebSocket(url, protocols);
    } catch (error) {
      post(4, id, error instanceof Error ? error.name : 'Error', null);
      return;
    }
    socket.binaryType = 'arraybuffer';
    sockets.set(id, socket);
    handledBytes.set(id, 0);
    socket.onopen = function onOpen() {
      post(0, id, typeof socket.protocol === 'string' ? socket.protocol : '', null);
    };
    socket.onmessage = function onMessage(event) {
      const data = event.data;
      // Binary moves to the page without a copy; the worker keeps nothing of it.
      if (data instanceof ArrayBuffer) transfers.push(data);
      post(1, id, data, null);
    };
    socket.onerror = function onError() {
      post(2, id, null, null);
    };
    socket.onclose = function onClose(event) {
      // The handlers go with the socket, so nothing of it outlives its close.
      socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
      sockets.delete(id);
      handledBytes.delete(id);
      post(3, id, typeof event.code === 'number' ? event.code : 1006, typeof event.reason === 'string' ? event.reason : '');
    };
  }

  function send(id: number, data: unknown, bytes: number, touched: number[]): void {
    const socket = sockets.get(id);
    if (socket === undefined) return;
    try {
      socket.send(data as string | ArrayBuffer);
    } catch (error) {
      drop(id, socket, error);
      return;
    }
    handledBytes.set(id, (handledBytes.get(id) || 0) + bytes);
    if (touched.indexOf(id) < 0) touched.push(id);
  }

  function close(id: number, code: number | null, reason: string | null): void {
    const socket = sockets.get(id);
    if (socket === undefined) return;
    try {
      if (code === null) socket.close();
      else socket.close(code, reason === null ? '' : reason);
    } catch (error) {
      drop(id, socket, error);
    }
  }

  /** A socket that threw is of no more use: the page is told, and the worker lets go of it. */
  function drop(id: number, socket: WorkerWebSocket, error: unknown): void {
    socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
    sockets.delete(id);
    handledBytes.delete(id);
    try {
      socket.close();
    } catch (ignored) {
      // It threw already; the page has been told, and nothing holds the socket any more.
    }
    post(4, id, error instanceof Error ? error.name : 'Error', null);
  }

  /** Tells the page the `bufferedAmount` of each socket in `ids`; polls while any is above 0. */
  function reportBuffered(ids: number[]): void {
    let waiting = false;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      const socket = sockets.get(id);
      if (socket === undefined) continue;
      const amount = typeof socket.bufferedAmount === 'number' ? socket.bufferedAmount : 0;
      post(5, id, amount, handledBytes.get(id));
      if (amount > 0) waiting = true;
    }
    if (waiting && bufferedPoll === null) {
      bufferedPoll = scope.setTimeout(function pollBuffered() {
        bufferedPoll = null;
        reportBuffered(Array.from(sockets.keys()));
      }, 16);
    }
  }

  scope.addEventListener('message', function onCommands(event) {
    const commands = event.data as unknown[];
    const touched: number[] = [];
    for (let i = 0; i < commands.length; i += 4) {
      const kind = commands[i];
      const id = commands[i + 1] as number;
      if (kind === 0) openSocket(id, commands[i + 2] as string, commands[i + 3] as string[] | null);
      else if (kind === 1) send(id, commands[i + 2], commands[i + 3] as number, touched);
      else if (kind === 2) close(id, commands[i + 2] as number | null, commands[i + 3] as string | null);
      else if (kind === 3) acknowledged();
      else if (kind === 4) post(6, 0, null, null);
    }
    if (touched.length > 0) reportBuffered(touched);
    if (unacknowledged === 0) flush();
  });
  scope.postMessage('ready', []);
}

/** The worker's global scope, as far as the worker uses it. */
export interface WorkerScope {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  setTimeout(callback: () => void, ms: number): unknown;
  WebSocket: new (url: string, protocols?: string[]) => WorkerWebSocket;
}

/** The WebSocket inside the worker, as far as the worker uses it. */
export interface WorkerWebSocket {
  binaryType: string;
  readonly protocol?: string;
  readonly bufferedAmount?: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: { code?: unknown; reason?: unknown }) => void) | null;
  send(data: string | ArrayBuffer): void;
  close(code?: number, reason?: string): void;
}
