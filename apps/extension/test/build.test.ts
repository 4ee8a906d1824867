import { describe, expect, it } from 'vitest';
import { bundleExtension } from '../build';
import { TRANSLATIONS } from '../src/generated/translations';
import { expectedHeader, loadScript as load, sendThroughRealServer } from './support/load-script';

describe('dist/websocket.js', () => {
  it('starts with the gallery header taken from the spec, then one wrapped plain script', async () => {
    const script = await bundleExtension();
    expect(script.split('\n').slice(0, 8)).toEqual(expectedHeader());
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
    const sent = await sendThroughRealServer(script, 'from the bundle');
    expect(sent.info).toMatchObject({ id: 'gsaWebsocket', name: 'WebSocket' });
    expect(sent).toMatchObject({ received: 'from the bundle', connected: true, hatsStarted: ['gsaWebsocket_onOpen'] });
  });
});
