import { runInNewContext } from 'node:vm';
import { WebSocket } from 'ws';
import { scratch, translate } from './scratch';

export interface RegisteredExtension {
  getInfo(): { id: string; name: string; docsURI: string; blocks: unknown[] };
  newInstance(args: { URL: unknown }, util: { target: object }): Promise<void>;
  sendMessage(args: { PAYLOAD: unknown }, util: { target: object }): void;
  isConnected(args: object, util: { target: object }): boolean;
}

/**
 * Runs a built script as TurboWarp does: a classic script with a `Scratch` in scope, and only
 * the browser globals the bundle uses. Records what it registers, the hats it starts and
 * every call of `Scratch.translate.setup`, and in `calls` the order of `setup` and `register`.
 * `withTranslateSetup: false` gives a `Scratch.translate` without `setup`, as older Scratch mods have.
 */
export function loadScript(script: string, unsandboxed: boolean | undefined, { withTranslateSetup = true } = {}) {
  const registered: RegisteredExtension[] = [];
  const hatsStarted: string[] = [];
  const translationSetups: unknown[] = [];
  const calls: Array<{ call: 'setup'; translations: unknown } | { call: 'register' }> = [];
  const english = (message: string) => translate(message);
  const setup = (translations: unknown) => {
    translationSetups.push(translations);
    calls.push({ call: 'setup', translations });
  };
  const Scratch = {
    ...scratch,
    translate: withTranslateSetup ? Object.assign(english, { setup }) : english,
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
  runInNewContext(script, { Scratch, WebSocket, URL, TextEncoder, TextDecoder, console, setTimeout, clearTimeout });
  return { registered, hatsStarted, translationSetups, calls };
}
