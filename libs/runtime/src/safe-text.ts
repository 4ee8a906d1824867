/**
 * `String(value)` that never throws: an object with no prototype, a `toString` that throws
 * or a Proxy whose traps throw becomes ''. The extension casts every argument before the
 * runtime sees it; other callers may pass anything (README, "API": no method throws).
 */
export function safeText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    // Nothing readable to send or close with: the empty text is the outcome, not a failure.
    return '';
  }
}
