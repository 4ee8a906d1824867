/**
 * Which web pages may use the playground's WebSocket endpoints. A browser sends the page's
 * origin in the `Origin` header of every WebSocket opening handshake (RFC 6455 §4.1 item 8,
 * §10.2); without this check any site the user visits could join `/broadcast`, read what the
 * user's project relays and inject messages into it. The WebSocket endpoints are the only
 * things here that change state: plain HTTP answers only GET and HEAD (everything else is 405).
 */

/**
 * TurboWarp's own origins, allowed by default:
 * - `https://turbowarp.org`: the online editor and player;
 * - `https://packager.turbowarp.org`: the packager, whose preview runs a packaged project;
 * - `tw-editor://.` and `tw-packager://.`: TurboWarp Desktop's editor and its built-in packager
 *   (with its preview), which the desktop app loads from these custom schemes.
 * A packaged project hosted anywhere else (or opened from a file, whose origin is `null`) needs
 * `--allow-origin`.
 */
export const TURBOWARP_ORIGINS: readonly string[] = [
  'https://turbowarp.org',
  'https://packager.turbowarp.org',
  'tw-editor://.',
  'tw-packager://.',
];

/**
 * Every origin allowed for a playground on `port`: TurboWarp's, this server's own pages
 * (`http://localhost:PORT` and `http://127.0.0.1:PORT`, the addresses it prints and listens
 * on), then `extra` (from `--allow-origin`, already checked by `parseOrigin`).
 */
export function allowedOrigins(port: number, extra: readonly string[] = []): ReadonlySet<string> {
  return new Set([...TURBOWARP_ORIGINS, `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...extra.map(normalise)]);
}

/**
 * Whether an opening handshake with this `Origin` header may proceed. No header means a
 * program (a test, a script, a command-line client), not a web page, and is allowed: browsers
 * always send one. `null` (a file:// page, a sandboxed frame) is refused unless allowed by name.
 */
export function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  return allowed.has(normalise(origin));
}

/** An `--allow-origin` value as browsers would send it, or why no browser ever sends it. */
export type ParsedOrigin = { origin: string } | { problem: string };

/** Schemes whose pages have an origin WHATWG URL serialises (`new URL(x).origin`). */
const WEB_SCHEMES = new Set(['http:', 'https:']);
/** Schemes WHATWG URL knows that no page sending an `Origin` header has (`file:` sends `null`). */
const NOT_PAGE_SCHEMES = new Set(['ws:', 'wss:', 'ftp:', 'file:']);
const NOT_AN_ORIGIN = 'must be an origin like https://example.com or http://localhost:3000 (no path)';
const NOT_A_PAGE = "must be the origin of a page: http://, https:// or an app's own scheme such as tw-editor://.";

/**
 * Reads an `--allow-origin` value: `scheme://host` or `scheme://host:port` (no path, query or
 * trailing slash), or the literal `null`, and returns it as browsers send it, so it can match:
 * - `http:` and `https:` as WHATWG URL serialises an origin: scheme and host in lower case, the
 *   host in punycode (`bücher.example` → `xn--bcher-kva.example`), the scheme's default port
 *   dropped (`https://example.com:443` → `https://example.com`);
 * - an app's own scheme (`tw-editor://.`, `capacitor://localhost`) in lower case, as Chromium
 *   and Electron send the origin of a scheme they register as standard (WHATWG URL calls such
 *   origins opaque and would turn them into `null`).
 * Refused, with the reason: a host with a trailing dot (`https://example.com.` is the origin only
 * of pages opened at that dotted name, never of the site's usual pages; the user meant the name
 * without it), and `ws:`, `wss:`, `ftp:` and `file:`, which no page sends.
 */
export function parseOrigin(text: string): ParsedOrigin {
  if (text === 'null') return { origin: text };
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#\s@]+$/i.test(text)) return { problem: NOT_AN_ORIGIN };
  // The pattern lets through what the URL parser refuses: a port above 65535, a bad host.
  if (!URL.canParse(text)) return { problem: NOT_AN_ORIGIN };
  const url = new URL(text);
  if (NOT_PAGE_SCHEMES.has(url.protocol)) {
    return { problem: url.protocol === 'file:' ? `${NOT_A_PAGE} (a file sends null: --allow-origin null)` : NOT_A_PAGE };
  }
  if (!WEB_SCHEMES.has(url.protocol)) return { origin: normalise(text) };
  if (url.hostname.endsWith('.')) {
    url.hostname = url.hostname.slice(0, -1);
    return { problem: `must name its host without a trailing dot, as browsers send it for pages on that site (${url.origin})` };
  }
  return { origin: url.origin };
}

/** Browsers send scheme and host in lower case (WHATWG URL serialisation). */
function normalise(origin: string): string {
  return origin.toLowerCase();
}
