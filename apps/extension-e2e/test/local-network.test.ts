import { describe, expect, it } from 'vitest';
import { setVariable, whenFlagClicked } from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { recordEvents } from '../src/scenario';
import { useE2e } from './fixture';

/**
 * Issue 21 in the real VM: the page is served from 127.0.0.1 but Chromium treats it as a page on
 * the internet (`--ip-address-space-overrides`, matched on the page's IP and port), so Local
 * Network Access guards its sockets to this computer. Headless Chromium denies the permission
 * prompt at once, which is what a person clicking Block does.
 */
describe('a public page connecting to a server on this computer', () => {
  const e2e = useE2e({ chromiumArgs: (server) => [`--ip-address-space-overrides=${new URL(server.origin).host}=public`] });

  /** A sprite that connects to `url` on the green flag, records its hats and keeps `error message` when the error hat runs. */
  function connectingProject(url: string) {
    const project = e2e.project();
    recordEvents(project.sprite('Cat'))
      .variable('error', 'unset')
      .script(whenFlagClicked(), websocket('newInstance', url))
      .script(websocket('onError'), setVariable('error', websocket('errorMessage')));
    return project;
  }

  it('is blocked without the permission: the error hat runs once, and error message is `local network blocked`', async () => {
    const server = await e2e.wsServer();
    const vm = await e2e.load(connectingProject(server.url('/blocked')), 'local-network-blocked');
    await vm.greenFlag();
    expect(await vm.waitForListLength('events', 1, 'Cat')).toEqual(['error']);
    await vm.waitForVariable('error', 'local network blocked', 'Cat');
    await vm.runFrames(10);
    expect(await vm.variable('errors', 'Cat')).toBe(1);
    expect(await vm.variable('closes', 'Cat')).toBe(0);
    // The browser never sent the upgrade: the server saw no WebSocket.
    expect(server.connections).toHaveLength(0);
    vm.socketFailures.splice(0);
  });

  it('connects once the permission is granted', async () => {
    await e2e.context.grantPermissions(['local-network-access'], { origin: e2e.server.origin });
    const server = await e2e.wsServer();
    const vm = await e2e.load(connectingProject(server.url('/granted')), 'local-network-granted');
    await vm.greenFlag();
    expect(await vm.waitForListLength('events', 1, 'Cat')).toEqual(['open']);
    await server.waitForConnections(1);
    expect(await vm.variable('error', 'Cat')).toBe('unset');
  });
});
