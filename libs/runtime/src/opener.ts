import type { Connection } from './connection.js';
import { CONNECTING, ERROR_CONNECTION_FAILED, ERROR_INSECURE_URL, ERROR_INVALID_PROTOCOLS, ERROR_INVALID_URL } from './connection-state.js';
import { ERROR_PERMISSION_DENIED, ERROR_TOO_MANY_CONNECTIONS, type ErrorReason } from './connection-state.js';
import type { Host, WebSocketConstructorLike, WebSocketLike } from './host.js';
import { reportUnexpected } from './report-unexpected.js';
import { safeText } from './safe-text.js';
import { Session } from './session.js';
import type { Sprite } from './sprite.js';
import { parseSubprotocols } from './subprotocols.js';
import { fixUpUrl } from './url.js';

/**
 * Opening a connection (CONTRACT.md, Connections and Subprotocols): the limit, the URL's
 * fix-up, the protocol list, permission from the host, and the socket. The one place that
 * constructs a WebSocket, always after the host allowed its URL.
 */
export class Opener<Target extends object, Thread> {
  constructor(
    private readonly WebSocket: WebSocketConstructorLike,
    private readonly host: Host<Target, Thread>,
  ) {}

  /**
   * `connect to` on `sprite`'s connection `name`, with `protocols` (a list to read) or without
   * (null). Resolves once the connection has opened, failed or closed; never rejects. Any `url`
   * or `protocols` value is accepted: what cannot be turned into text is invalid.
   */
  connect(sprite: Sprite<Target, Thread>, name: string, url: unknown, protocols: unknown): Promise<void> {
    const request = prepare(url, protocols);
    const connection = sprite.connect(new Session(name, request.url, request.protocols));
    const failure = sprite.isOverLimit() ? ERROR_TOO_MANY_CONNECTIONS : request.failure;
    if (failure !== null) connection.fail(failure);
    // Replaced, closed or stopped while permission was asked: that already settled it.
    else void this.openSocket(connection, () => connection.state === CONNECTING);
    return connection.settled;
  }

  /**
   * The error message of a socket to `url` that failed before it opened: the host's reason when
   * it has one (`Host.failureReason`, such as `local network blocked`), else `connection failed`.
   */
  readonly failedBeforeOpen = (url: string): ErrorReason => {
    try {
      return this.host.failureReason?.(url) ?? ERROR_CONNECTION_FAILED;
    } catch (error) {
      reportUnexpected(error);
      return ERROR_CONNECTION_FAILED;
    }
  };

  /** An automatic reconnect's turn: permission again, then a socket to the same URL and protocols, unless it was ended meanwhile. */
  retry(connection: Connection<Target, Thread>, stillWanted: () => boolean): Promise<void> {
    return this.openSocket(connection, stillWanted);
  }

  /** Permission, then a socket for `connection`'s session, if `stillWanted()` after the host answered. */
  private async openSocket(connection: Connection<Target, Thread>, stillWanted: () => boolean): Promise<void> {
    const { url, protocols } = connection.session;
    const allowed = await this.askPermission(url);
    if (!stillWanted()) return;
    if (!allowed) {
      connection.fail(ERROR_PERMISSION_DENIED);
      return;
    }
    const socket = this.construct(url, protocols);
    if (typeof socket === 'string') {
      connection.fail(socket);
      return;
    }
    try {
      connection.attach(socket);
    } catch (error) {
      // A socket that refuses its listeners cannot be used: the connection must still end.
      reportUnexpected(error);
      connection.fail(ERROR_CONNECTION_FAILED);
    }
  }

  private async askPermission(url: string): Promise<boolean> {
    try {
      return (await this.host.canFetch(url)) === true;
    } catch (error) {
      // A host that cannot answer has not given permission.
      reportUnexpected(error);
      return false;
    }
  }

  /**
   * The socket, or why the constructor refused it. Protocols go to the constructor only when
   * there are some, so a plain `connect to` calls `new WebSocket(url)`.
   */
  private construct(url: string, protocols: readonly string[]): WebSocketLike | ErrorReason {
    try {
      return protocols.length > 0 ? new this.WebSocket(url, [...protocols]) : new this.WebSocket(url);
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      // A `ws:` URL to a host other than this computer from an `https:` page is mixed content,
      // which browsers refuse in the constructor (SecurityError): the URL must be `wss:`.
      if (name === 'SecurityError') return ERROR_INSECURE_URL;
      // The WebSocket constructor throws a SyntaxError for a URL it will not open.
      if (name !== 'SyntaxError') reportUnexpected(error);
      return ERROR_INVALID_URL;
    }
  }
}

/** What `connect to` asks for: the URL after fix-up and the protocols, or why it cannot be opened. */
interface Request {
  readonly url: string;
  readonly protocols: readonly string[];
  readonly failure: ErrorReason | null;
}

/**
 * Reads `url` and `protocols` (null for a plain `connect to`). Never throws: a rule that throws
 * on some input (a URL parser's own limits, say) makes the URL invalid, so the connection still ends.
 */
function prepare(url: unknown, protocols: unknown): Request {
  try {
    const fixed = fixUpUrl(safeText(url));
    if (!fixed.ok) return { url: '', protocols: [], failure: ERROR_INVALID_URL };
    if (protocols === null) return { url: fixed.url, protocols: [], failure: null };
    const parsed = parseSubprotocols(safeText(protocols));
    if (!parsed.ok) return { url: fixed.url, protocols: [], failure: ERROR_INVALID_PROTOCOLS };
    return { url: fixed.url, protocols: parsed.protocols, failure: null };
  } catch (error) {
    reportUnexpected(error);
    return { url: '', protocols: [], failure: ERROR_INVALID_URL };
  }
}
