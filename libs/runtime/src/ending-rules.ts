import { NO_STATUS_RECEIVED } from './close-code.js';
import { CONNECTING, ERROR_STOPPED, RECONNECTING, type ConnectionState, type ErrorReason } from './connection-state.js';
import { closeEnding, errorEnding, type Ending } from './ending.js';
import type { ReconnectProgress } from './session.js';

/** What `closing code`, `closing message` and `error message` show. */
export interface ReporterValues {
  readonly closeCode: number;
  readonly closeMessage: string;
  readonly errorMessage: string;
}

const NOTHING: ReporterValues = { closeCode: 0, closeMessage: '', errorMessage: '' };

/**
 * The ending a reconnect reads as: the one that started it, with the last failure as an
 * error's reason (CONTRACT.md, Staying connected); null when no reconnect is under way.
 */
export function reconnectingFrom(progress: ReconnectProgress | null): Ending | null {
  if (progress === null) return null;
  const from = progress.from;
  return from.kind === 'error' ? errorEnding(progress.lastFailure as ErrorReason) : from;
}

/**
 * The three ending reporters of a connection in `state` that ended with `end` (null while live
 * or after a quiet close), with `progress` its session's reconnect (CONTRACT.md, Reporter
 * values): a close's code and reason, an error's reason; while reconnecting, the ending that
 * started it; 0 and '' otherwise, as in the gallery extension.
 */
export function reporterValues(state: ConnectionState, end: Ending | null, progress: ReconnectProgress | null): ReporterValues {
  const shown = state === RECONNECTING ? reconnectingFrom(progress) : end;
  if (shown === null) return NOTHING;
  return shown.kind === 'close'
    ? { closeCode: shown.code, closeMessage: shown.reason, errorMessage: '' }
    : { closeCode: 0, closeMessage: '', errorMessage: shown.reason };
}

/**
 * What the stop sign leaves a live connection reading (CONTRACT.md, Reporter values, after the
 * gallery extension): one still connecting is errored `stopped`; a reconnect reads as the ending
 * that started it; an open or closing one is closed with what the project's close block sent,
 * or 1005 and no reason (the gallery's stop handler closed without a code).
 */
export function stopEnding(
  state: ConnectionState,
  requested: { code: number; reason: string } | null,
  progress: ReconnectProgress | null,
): Ending {
  if (state === RECONNECTING) return reconnectingFrom(progress) ?? errorEnding(ERROR_STOPPED);
  if (state === CONNECTING) return errorEnding(ERROR_STOPPED);
  return closeEnding(requested?.code ?? NO_STATUS_RECEIVED, requested?.reason ?? '', true);
}
