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
 * every call of `Scratch.translate.setup`.
 */
export function loadScript(script: string, unsandboxed: boolean | undefined) {
  const registered: RegisteredExtension[] = [];
  const hatsStarted: string[] = [];
  const translationSetups: unknown[] = [];
  const Scratch = {
    ...scratch,
    translate: Object.assign((message: string) => translate(message), {
      setup: (translations: unknown) => translationSetups.push(translations),
    }),
    extensions: { unsandboxed, register: (extension: RegisteredExtension) => registered.push(extension) },
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
  return { registered, hatsStarted, translationSetups };
}
