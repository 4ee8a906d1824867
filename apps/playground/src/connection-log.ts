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
