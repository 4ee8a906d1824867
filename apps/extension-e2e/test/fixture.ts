import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '@scratch-websocket/test-chromium';
import { VmPage, type OpenVmOptions } from '../src/browser/vm-page';
import { ProjectBuilder } from '../src/sb3/project';
import { toSb3 } from '../src/sb3/sb3-file';
import { EXTENSION_ID } from '../src/sb3/websocket';
import { bundleProblem } from '../src/paths';
import { startStaticServer, type StaticServer } from '../src/server/static-server';
import { RecordingServer, type ConnectionHandler, type RecordingServerOptions } from '../src/server/ws-server';

/**
 * Per test file: one Chromium, one browser context and one static server. Per test: a
 * fresh page with its own VM, and any ws servers it started; all are closed after the
 * test, and a test fails if its page reported an error.
 */
export interface E2eOptions {
  /** Extra Chromium flags, given the page's static server (its port is known only once it listens). */
  chromiumArgs?: (server: StaticServer) => string[];
}

export function useE2e(options: E2eOptions = {}) {
  let browser: Browser;
  let context: BrowserContext;
  let server: StaticServer;
  const openVms: VmPage[] = [];
  const wsServers: RecordingServer[] = [];

  beforeAll(async () => {
    const problem = bundleProblem();
    if (problem !== null) throw new Error(problem);
    server = await startStaticServer();
    browser = await launchChromium({ extraArgs: options.chromiumArgs?.(server) ?? [] });
    context = await browser.newContext();
  });

  afterEach(async () => {
    const vms = openVms.splice(0);
    const errors = vms.flatMap((vm) => vm.pageErrors);
    await Promise.all(vms.map((vm) => vm.close()));
    await Promise.all(wsServers.splice(0).map((ws) => ws.close()));
    expect(errors, 'errors reported by the page').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      return server;
    },
    /** The browser context every page of this file opens in (to grant permissions, say). */
    get context() {
      return context;
    },
    /** A project whose saved extensionURLs point at the built bundle on the test server. */
    project(): ProjectBuilder {
      return new ProjectBuilder({ [EXTENSION_ID]: server.extensionURL });
    },
    async openVm(options?: OpenVmOptions): Promise<VmPage> {
      const vm = await VmPage.open(context, server, options);
      openVms.push(vm);
      return vm;
    },
    /** Opens a VM, loads `project` as a saved .sb3 and returns the VM (green flag not yet pressed). */
    async load(project: ProjectBuilder, name: string, options?: OpenVmOptions): Promise<VmPage> {
      const vm = await this.openVm(options);
      await vm.loadProject(name, await toSb3(project));
      return vm;
    },
    async wsServer(onConnection?: ConnectionHandler, options?: RecordingServerOptions): Promise<RecordingServer> {
      const ws = await RecordingServer.start(onConnection, options);
      wsServers.push(ws);
      return ws;
    },
  };
}
