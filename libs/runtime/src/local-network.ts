import { ERROR_LOCAL_NETWORK_BLOCKED, type ErrorReason } from './connection-state.js';
import { isLoopbackHost } from './url.js';

/**
 * Local Network Access (Chromium 142 and later): a page on the public internet must have the
 * person's permission before it connects to this computer (`loopback-network`) or to the local
 * network (`local-network`). A page cannot tell its own address space, and a blocked socket
 * fails exactly as a refused one (`error`, then close 1006). The one signal is the permission's
 * state after the failure, so the TurboWarp host reads it (CONTRACT.md, Knowing what happened).
 */

/** The permission names Chromium gives `navigator.permissions.query` for each kind of target. */
export type LocalNetworkPermission = 'loopback-network' | 'local-network';

/** What a page has of `navigator.permissions`, typed structurally so the runtime needs no DOM types. */
export interface PermissionsLike {
  query(descriptor: { name: string }): Promise<{ readonly state: string }>;
}

/** Older Chromium versions name both kinds of target with this one permission. */
const LEGACY_PERMISSION = 'local-network-access';

/**
 * Which permission guards a WebSocket to `url`: `loopback-network` for this computer
 * (`localhost` and `*.localhost`, 127.0.0.0/8, ::1), `local-network` for the local network
 * (RFC 1918 10/8, 172.16/12, 192.168/16; link-local 169.254/16 and fe80::/10; RFC 4193
 * fc00::/7; `.local` names), null for anything else or a URL that does not parse.
 */
export function localNetworkPermissionFor(url: string): LocalNetworkPermission | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
  if (isLoopbackHost(host) || host.endsWith('.localhost')) return 'loopback-network';
  if (host.endsWith('.local')) return 'local-network';
  const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (ipv4 !== null) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return 'local-network';
    return null;
  }
  if (host.startsWith('[') && host.endsWith(']')) {
    // The URL parser writes IPv6 compressed and in lower case: `[::1]`, `[fe80::1]`.
    const address = host.slice(1, -1);
    const first = address.startsWith('::') ? 0 : Number.parseInt(address.split(':')[0]!, 16);
    if ((first & 0xffc0) === 0xfe80 || (first & 0xfe00) === 0xfc00) return 'local-network';
  }
  return null;
}

/**
 * `Host.failureReason` over `permissions` (a page's `navigator.permissions`): it queries each
 * permission once, at once, and keeps the live `PermissionStatus` (its `state` follows the
 * person's answer), so a failed socket's reason is read synchronously. `local network blocked`
 * when the permission for the URL's kind of target is `denied`, else null. A name the browser
 * does not know falls back to `local-network-access`; without any, it always answers null.
 */
export function localNetworkFailureReason(permissions: PermissionsLike | undefined): (url: string) => ErrorReason | null {
  const statuses = new Map<LocalNetworkPermission, { readonly state: string }>();
  const watch = (name: LocalNetworkPermission): void => {
    query(permissions, name)
      .catch(() => query(permissions, LEGACY_PERMISSION))
      .then((status) => statuses.set(name, status))
      // No Local Network Access in this browser: nothing to read.
      .catch(() => undefined);
  };
  watch('loopback-network');
  watch('local-network');
  return (url) => {
    const name = localNetworkPermissionFor(url);
    if (name === null) return null;
    return statuses.get(name)?.state === 'denied' ? ERROR_LOCAL_NETWORK_BLOCKED : null;
  };
}

/** `permissions.query`, as a promise that rejects (never throws) when it is missing or fails. */
function query(permissions: PermissionsLike | undefined, name: string): Promise<{ readonly state: string }> {
  return Promise.resolve().then(() => {
    if (permissions === undefined || typeof permissions.query !== 'function') throw new Error('no Permissions API');
    return permissions.query({ name });
  });
}
