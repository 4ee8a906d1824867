import { describe, expect, it } from 'vitest';
import { bundleExtension } from '../build';
import { EXTENSION_METADATA } from '../src/generated/extension';
import { TRANSLATIONS } from '../src/generated/translations';
import { loadScript as load, type RegisteredExtension } from './support/load-script';
import { TestServer, within } from '@scratch-websocket/test-support';

describe('dist/websocket.js', () => {
  it('starts with the gallery header taken from the spec, then one wrapped plain script', async () => {
    const script = await bundleExtension();
    expect(script.split('\n').slice(0, 8)).toEqual([
      '// Name: WebSocket',
      '// ID: gsaWebsocket',
      `// Description: ${EXTENSION_METADATA.description}`,
      `// By: ${EXTENSION_METADATA.by}`,
      '// Original: RedMan13 <https://scratch.mit.edu/users/RedMan13/>',
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
      const accepted = server.nextSide();
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
