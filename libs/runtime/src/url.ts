/** The stable word for every URL that cannot be opened (the `(error message)` text, `ERROR_INVALID_URL`). */
export const INVALID_URL = 'invalid URL';

export type UrlFixUp = { ok: true; url: string } | { ok: false; reason: typeof INVALID_URL };

const URL_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/*
 * A host name as DNS and IP literals allow (parsers turn Unicode names into xn-- punycode).
 * Checked after parsing because parsers differ: Chromium accepts `wss://not a url` and
 * percent-escapes the spaces into the host, where WHATWG URL (Node, Firefox) rejects it.
 */
const IP_LITERAL = /^\[[0-9a-f:.]+\]$/i;
const LABEL = /^[a-z0-9_-]+$/i;

/**
 * Whether `hostname` is an IP literal or dot-separated labels with an optional trailing dot,
 * checked label by label: one regular expression over the whole name backtracks, and V8's
 * regex stack overflows (a RangeError) at a few million labels.
 */
function isValidHostname(hostname: string): boolean {
  if (hostname.startsWith('[')) return IP_LITERAL.test(hostname);
  const labels = hostname.split('.');
  if (labels.length > 1 && labels[labels.length - 1] === '') labels.pop();
  return labels.every((label) => LABEL.test(label));
}

/** Schemes a user may type, and the WebSocket scheme each one means (CONTRACT.md, Connections). */
const SCHEME_FIX_UPS: Readonly<Record<string, string>> = {
  ws: 'ws',
  wss: 'wss',
  http: 'ws',
  https: 'wss',
};

function invalidUrl(): UrlFixUp {
  return { ok: false, reason: INVALID_URL };
}

/**
 * WHATWG URL parsing as an outcome: a bad URL is an expected input here, not an exception.
 * (Not `URL.canParse`: older Safari and Electron builds that run TurboWarp lack it.)
 */
function parse(candidate: string): URL | null {
  try {
    return new URL(candidate);
  } catch (error) {
    if (error instanceof TypeError) return null; // the parser's "Invalid URL"
    throw error;
  }
}

/** Whether a parsed URL's `hostname` is this computer: `localhost`, 127.0.0.0/8 or `[::1]` (CONTRACT.md, Connections). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || LOOPBACK_V4.test(hostname);
}

/** A bare host gets wss://, except a server on this computer, which rarely has TLS. */
function schemeForBareHost(bare: string): string {
  const probe = parse(`ws://${bare}`);
  return probe !== null && isLoopbackHost(probe.hostname) ? 'ws' : 'wss';
}

/**
 * Turns what a user typed into the URL a WebSocket opens, or says it is invalid
 * (CONTRACT.md, Connections): ws/wss as given; http→ws, https→wss; a bare host gets wss://
 * (ws:// for localhost, 127.x.x.x and [::1]); any other scheme is an error. Surrounding
 * spaces are dropped, and so is a #fragment, which the WebSocket standard ignores but `ws`
 * rejects.
 */
export function fixUpUrl(input: string): UrlFixUp {
  const trimmed = input.trim();
  if (trimmed === '') return invalidUrl();

  const match = URL_SCHEME.exec(trimmed);
  let candidate: string;
  if (match) {
    const scheme = SCHEME_FIX_UPS[match[1]!.toLowerCase()];
    if (scheme === undefined) return invalidUrl();
    candidate = scheme + trimmed.slice(match[1]!.length);
  } else {
    candidate = `${schemeForBareHost(trimmed)}://${trimmed}`;
  }

  const hash = candidate.indexOf('#');
  if (hash !== -1) candidate = candidate.slice(0, hash);

  const parsed = parse(candidate);
  if (parsed === null || !isValidHostname(parsed.hostname)) return invalidUrl();
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return invalidUrl();
  return { ok: true, url: candidate };
}
