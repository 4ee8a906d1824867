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

/**
 * Reads an `--allow-origin` value: `scheme://host` or `scheme://host:port` (no path, query or
 * trailing slash), or the literal `null`. Returns it in the lower case browsers send, or
 * `undefined` when it is not an origin.
 */
export function parseOrigin(text: string): string | undefined {
  if (text === 'null') return text;
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#\s@]+$/i.test(text)) return undefined;
  return normalise(text);
}

/** Browsers send scheme and host in lower case (WHATWG URL serialisation). */
function normalise(origin: string): string {
  return origin.toLowerCase();
}
