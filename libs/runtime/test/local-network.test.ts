import { describe, expect, it } from 'vitest';
import { localNetworkFailureReason, localNetworkPermissionFor, type PermissionsLike } from '../src/index.js';

describe('localNetworkPermissionFor: which Local Network Access permission guards a URL', () => {
  it.each([
    ['ws://localhost:8000/', 'loopback-network'],
    ['ws://LocalHost./x', 'loopback-network'],
    ['ws://game.localhost/', 'loopback-network'],
    ['ws://127.0.0.1:9000/', 'loopback-network'],
    ['ws://127.255.3.4/', 'loopback-network'],
    ['ws://0x7f.1/', 'loopback-network'],
    ['ws://[::1]:8000/', 'loopback-network'],
    ['wss://10.0.0.5/', 'local-network'],
    ['ws://172.16.0.1/', 'local-network'],
    ['ws://172.31.255.255/', 'local-network'],
    ['ws://192.168.1.20:8080/', 'local-network'],
    ['ws://169.254.10.10/', 'local-network'],
    ['ws://[fe80::1]/', 'local-network'],
    ['ws://[febf::1]/', 'local-network'],
    ['ws://[fc00::1]/', 'local-network'],
    ['ws://[fd12:3456::1]/', 'local-network'],
    ['ws://printer.local/', 'local-network'],
    ['ws://printer.local./', 'local-network'],
    ['ws://172.15.0.1/', null],
    ['ws://172.32.0.1/', null],
    ['ws://192.169.0.1/', null],
    ['ws://8.8.8.8/', null],
    ['wss://echo.websocket.org/', null],
    ['ws://localhost.example.com/', null],
    ['ws://[fec0::1]/', null],
    ['ws://[2001:db8::1]/', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(localNetworkPermissionFor(url)).toBe(expected);
  });
});

/** A page's `navigator.permissions` whose states a test sets; names it does not know reject with TypeError, as Chromium's. */
class Permissions implements PermissionsLike {
  readonly statuses = new Map<string, { state: string }>();
  readonly asked: string[] = [];
  constructor(known: Record<string, string>) {
    for (const [name, state] of Object.entries(known)) this.statuses.set(name, { state });
  }
  async query({ name }: { name: string }) {
    this.asked.push(name);
    const status = this.statuses.get(name);
    if (status === undefined) throw new TypeError(`'${name}' is not a valid enum value of type PermissionName.`);
    return status;
  }
}

/** Lets the queries made at creation settle (they are promise chains, no timers). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('localNetworkFailureReason: the reason a failed socket gets from the permission state', () => {
  it('is `local network blocked` for a loopback URL once loopback-network is denied, read live from the status object', async () => {
    const permissions = new Permissions({ 'loopback-network': 'prompt', 'local-network': 'prompt' });
    const reason = localNetworkFailureReason(permissions);
    await settled();
    expect(reason('ws://127.0.0.1:9000/')).toBeNull();
    permissions.statuses.get('loopback-network')!.state = 'denied';
    expect(reason('ws://127.0.0.1:9000/')).toBe('local network blocked');
    expect(reason('ws://192.168.1.2/')).toBeNull();
    expect(reason('wss://example.com/')).toBeNull();
    expect(permissions.asked).toEqual(['loopback-network', 'local-network']);
  });

  it('reads local-network for a private URL', async () => {
    const permissions = new Permissions({ 'loopback-network': 'granted', 'local-network': 'denied' });
    const reason = localNetworkFailureReason(permissions);
    await settled();
    expect(reason('ws://10.1.2.3/')).toBe('local network blocked');
    expect(reason('ws://localhost/')).toBeNull();
  });

  it('falls back to local-network-access where the newer names are unknown', async () => {
    const permissions = new Permissions({ 'local-network-access': 'denied' });
    const reason = localNetworkFailureReason(permissions);
    await settled();
    expect(reason('ws://localhost:1/')).toBe('local network blocked');
    expect(reason('ws://192.168.0.1/')).toBe('local network blocked');
  });

  it('answers null, and never throws, without a Permissions API or with none of the names', async () => {
    const none = localNetworkFailureReason(undefined);
    const unknown = localNetworkFailureReason(new Permissions({}));
    const broken = localNetworkFailureReason({ query: () => { throw new Error('broken'); } });
    await settled();
    for (const reason of [none, unknown, broken]) expect(reason('ws://127.0.0.1/')).toBeNull();
  });

  it('answers null before its queries have settled', () => {
    const reason = localNetworkFailureReason(new Permissions({ 'loopback-network': 'denied', 'local-network': 'denied' }));
    expect(reason('ws://127.0.0.1/')).toBeNull();
  });
});
