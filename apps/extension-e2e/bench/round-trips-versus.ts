/**
 * The request/reply rows alone, for the built extension next to another build of it, in one run
 * and on both socket paths: `tsx bench/round-trips-versus.ts <websocket.js of the other build>`
 * (from apps/extension-e2e; build the extension first). For a change's before and after, e.g.
 * main's bundle saved from apps/extension/dist before the change was built.
 */
import { readFile } from 'node:fs/promises';
import { launchChromium } from '@scratch-websocket/test-chromium';
import { within } from '@scratch-websocket/test-support';
import { startStaticServer } from '../src/server/static-server';
import { roundTripBench } from './round-trips';

async function main(): Promise<number> {
  const other = process.argv[2];
  if (other === undefined) {
    console.error('usage: tsx bench/round-trips-versus.ts <websocket.js of the other build>');
    return 2;
  }
  const server = await startStaticServer();
  const browser = await launchChromium();
  try {
    const otherURL = server.addScript('websocket-other.js', await readFile(other, 'utf8'));
    console.log(`'other build' is ${other}; 'this build' is apps/extension/dist/websocket.js.`);
    const failed = await roundTripBench(await browser.newContext(), server, [
      { label: 'other build', url: otherURL },
      { label: 'this build', url: server.extensionURL },
    ]);
    return failed ? 1 : 0;
  } finally {
    await within(browser.close(), 'Chromium to close', 10_000).catch(() => undefined);
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
