/**
 * The terminal's log of WebSocket connections: one line when one opens, one when it closes,
 * each with its path, a number to pair them up, and how many are open now.
 */

export function formatOpen(path: string, id: number, openCount: number): string {
  return `open  ${path} #${id} (${openCount} open)`;
}

export function formatClose(path: string, id: number, code: number, reason: string, openCount: number): string {
  // JSON quoting escapes control characters, so a client's reason cannot move the cursor.
  const why = reason === '' ? '' : ` ${JSON.stringify(reason)}`;
  return `close ${path} #${id} code ${code}${why} (${openCount} open)`;
}

export function formatSocketError(path: string, id: number, message: string): string {
  return `error ${path} #${id}: ${message}`;
}

/** An `/echo` client stopped reading what comes back: the server stops reading from it. */
export function formatPaused(path: string, id: number, unsentText: string, limitText: string): string {
  return `pause ${path} #${id}: ${unsentText} unsent to it (limit ${limitText}); not reading from it until it catches up`;
}

export function formatResumed(path: string, id: number): string {
  return `resume ${path} #${id}: caught up`;
}

/** A `/broadcast` member too slow to keep up is dropped rather than hold the relay's memory. */
export function formatDropped(path: string, id: number, unsentText: string, limitText: string): string {
  return `drop  ${path} #${id}: ${unsentText} unsent to it (limit ${limitText}); closing it with 1008`;
}

/** An opening handshake from a web page whose origin is not on the allow-list. */
export function formatRefusedOrigin(path: string, origin: string): string {
  return `refused ${path}: origin ${JSON.stringify(origin.slice(0, 200))} is not allowed (add it with --allow-origin); answered 403`;
}

/** A TCP connection closed on arrival because `maxConnections` are open. */
export function formatRefusedConnection(maxConnections: number): string {
  return `refused a connection: ${maxConnections} open already (--max-connections ${maxConnections})`;
}

/** A connection closed for pipelining more requests than it may have pending (see `pipelining.ts`). */
export function formatRefusedPipelining(maxPending: number): string {
  return `refused a connection: more than ${maxPending} requests pipelined without reading the answers; closed it`;
}

/** A served file that could not be read to the end; its answer was cut short. */
export function formatServeError(file: string, message: string): string {
  return `error serving ${file}: ${message}`;
}
