import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { bundleExtension } from '../build';
import { EXTENSION_METADATA } from '../src/generated/extension';
import { TRANSLATIONS } from '../src/generated/translations';
import { scratch } from './support/scratch';
import { TestServer } from './support/server';
import { within } from './support/wait';

interface RegisteredExtension {
  getInfo(): { id: string; name: string; blocks: unknown[] };
  newInstance(args: { URL: unknown }, util: { target: object }): Promise<void>;
  sendMessage(args: { PAYLOAD: unknown }, util: { target: object }): void;
  isConnected(args: object, util: { target: object }): boolean;
}

/** Runs the built script as TurboWarp does: a classic script with a `Scratch` in scope. */
function load(script: string, unsandboxed: boolean | undefined, { withTranslateSetup = true } = {}) {
  const registered: RegisteredExtension[] = [];
  const hatsStarted: string[] = [];
  /** What the script did, in order: `setup` (with its translations) and `register`. */
  const calls: Array<{ call: 'setup'; translations: unknown } | { call: 'register' }> = [];
  const translate = (message: string) => message;
  const Scratch = {
    ...scratch,
    translate: withTranslateSetup ? Object.assign(translate, { setup: (translations: unknown) => calls.push({ call: 'setup', translations }) }) : translate,
    extensions: {
      unsandboxed,
      register: (extension: RegisteredExtension) => {
        calls.push({ call: 'register' });
        registered.push(extension);
      },
    },
    canFetch: async () => true,
    vm: {
      runtime: {
        startHats: (opcode: string) => {
          hatsStarted.push(opcode);
          return [];
        },
        isActiveThread: () => false,
        _stopThread: () => undefined,
        on: () => undefined,
        off: () => undefined,
      },
    },
  };
  // The browser globals the bundle uses; the rest of a page is not needed.
  runInNewContext(script, { Scratch, WebSocket, URL, TextEncoder, TextDecoder, console, setTimeout, clearTimeout });
  return { registered, hatsStarted, calls };
}

describe('dist/websocket.js', () => {
  it('starts with the gallery header taken from the spec, then one wrapped plain script', async () => {
    const script = await bundleExtension();
    expect(script.split('\n').slice(0, 7)).toEqual([
      '// Name: WebSocket',
      '// ID: gsaWebsocket',
      `// Description: ${EXTENSION_METADATA.description}`,
      `// By: ${EXTENSION_METADATA.by}`,
      '// License: MIT',
      '',
      '(function (Scratch) {',
    ]);
    expect(script.endsWith('})(Scratch);\n')).toBe(true);
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
  });

  it('refuses to load sandboxed, with a message that says how to load it', async () => {
    const script = await bundleExtension();
    expect(() => load(script, undefined)).toThrow(/must be loaded unsandboxed.*Run without sandbox/);
  });

  it('hands its translations to Scratch.translate.setup before it registers, so getInfo() finds them', async () => {
    const { calls } = load(await bundleExtension(), true);
    expect(calls).toEqual([{ call: 'setup', translations: TRANSLATIONS }, { call: 'register' }]);
  });

  it('still loads, in English, in a Scratch mod whose translate has no setup', async () => {
    const { registered } = load(await bundleExtension(), true, { withTranslateSetup: false });
    expect(registered).toHaveLength(1);
  });

  it('registers the blocks unsandboxed, and they reach a real server', async () => {
    const script = await bundleExtension();
    const { registered, hatsStarted } = load(script, true);
    expect(registered).toHaveLength(1);
    const [extension] = registered as [RegisteredExtension];
    expect(extension.getInfo()).toMatchObject({ id: 'gsaWebsocket', name: 'WebSocket' });

    const server = await TestServer.start();
    try {
      const target = {};
      const accepted = server.nextConnection();
      await within(extension.newInstance({ URL: server.url }, { target }), 'connect to resolve');
      extension.sendMessage({ PAYLOAD: 'from the bundle' }, { target });
      expect(await (await accepted).nextMessage()).toBe('from the bundle');
      expect(extension.isConnected({}, { target })).toBe(true);
      expect(hatsStarted).toEqual(['gsaWebsocket_onOpen']);
    } finally {
      await server.close();
    }
  });
});
