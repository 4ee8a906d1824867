import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MESSAGE } from '../src/demo-project.js';
import { launchChromium } from '@scratch-websocket/test-chromium';
import { realFiles, startPlayground, type RunningPlayground } from './support/playground.js';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

let running: RunningPlayground;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  running = await startPlayground(realFiles());
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${running.base}/demo`);
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

/** Waits for the page to settle, and says what the page said if it did not. */
async function waitForState(state: string, what: string): Promise<void> {
  try {
    await page.waitForFunction((expected) => document.body.dataset.state === expected, state, { timeout: 10_000 });
  } catch (error) {
    const status = await page.$eval('#status', (element) => element.textContent);
    throw new Error(`${what}: page is "${await page.$eval('body', (b) => b.dataset.state)}", status "${status}" (${String(error)})`);
  }
}

describe('the demo page in Chromium', () => {
  it('runs the project in the scaffolding, which echoes its message through /echo and says it', async () => {
    await waitForState('echoed', 'the demo to receive its echo');
    expect(await page.$eval('#reply', (element) => element.textContent)).toBe(DEMO_MESSAGE);
    expect(await page.evaluate(() => (window as any).playgroundDemo.replies)).toEqual([DEMO_MESSAGE]);
    expect(running.log.lines).toEqual(['open  /echo #1 (1 open)']);
    // For a person to look at: the sprite saying the reply on the stage.
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}demo.png` });
  });

  it('points the project at this server, read back from the VM', async () => {
    const echoServer = await page.evaluate(() => (window as any).playgroundDemo.scaffolding.getVariable('echo server'));
    expect(echoServer).toBe(`${running.wsBase}/echo`);
  });

  it('loads our extension into the VM, unsandboxed', async () => {
    const loaded = await page.evaluate(() => {
      const vm = (window as any).playgroundDemo.scaffolding.vm;
      return { gsaWebsocket: vm.extensionManager.isExtensionLoaded('gsaWebsocket'), scratch: typeof (window as any).Scratch };
    });
    // Unsandboxed extensions run in the page itself, where `Scratch` is a global.
    expect(loaded).toEqual({ gsaWebsocket: true, scratch: 'object' });
  });

  it('runs again on demand: the new connection replaces the old one, and echoes again', async () => {
    await page.click('#again');
    // The click resets the page to `running`; only a second echo sets `echoed` and a second reply.
    await waitForState('echoed', 'the second run to receive its echo');
    await page
      .waitForFunction(() => (window as any).playgroundDemo.replies.length === 2, undefined, { timeout: 10_000 })
      .catch((error: unknown) => {
        throw new Error(`waiting for a second reply on the demo page: ${String(error)}`);
      });
    expect(await page.evaluate(() => (window as any).playgroundDemo.replies)).toEqual([DEMO_MESSAGE, DEMO_MESSAGE]);
    // The old connection's close and the new one's open race each other to the server.
    await running.log.waitForMatch(/^open {2}\/echo #2 \([12] open\)$/);
    await running.log.waitForMatch(/^close \/echo #1 code \d+ \([01] open\)$/);
  });

  it('raised no script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
