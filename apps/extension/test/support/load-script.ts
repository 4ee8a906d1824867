import { runInNewContext } from 'node:vm';
import { WebSocket } from 'ws';
import { TestServer, within } from '@scratch-websocket/test-support';
import { EXTENSION_METADATA } from '../../src/generated/extension';
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
        removeListener: () => undefined,
      },
    },
  };
  runInNewContext(script, { Scratch, WebSocket, URL, TextEncoder, TextDecoder, console, setTimeout, clearTimeout });
  return { registered, hatsStarted, translationSetups, calls };
}

/** The first lines of both built files: the gallery's metadata header from the spec, then the wrapper. */
export function expectedHeader(): string[] {
  return [
    '// Name: WebSocket',
    '// ID: gsaWebsocket',
    `// Description: ${EXTENSION_METADATA.description}`,
    `// By: ${EXTENSION_METADATA.by}`,
    '// Original: RedMan13 <https://scratch.mit.edu/users/RedMan13/>',
    '// License: MIT',
    '',
    '(function (Scratch) {',
  ];
}

/**
 * Loads `script` unsandboxed, connects its one registered extension to a real `ws` server on
 * 127.0.0.1 and sends `payload`. Returns what the server received, whether the block reported
 * connected, and the hats the script started; throws (through `within`) if connecting hangs.
 */
export async function sendThroughRealServer(script: string, payload: string) {
  const { registered, hatsStarted } = loadScript(script, true);
  if (registered.length !== 1) throw new Error(`expected one registered extension, got ${registered.length}`);
  const [extension] = registered as [RegisteredExtension];
  const server = await TestServer.start();
  try {
    const target = {};
    const accepted = server.nextSide();
    await within(extension.newInstance({ URL: server.url }, { target }), 'connect to resolve');
    extension.sendMessage({ PAYLOAD: payload }, { target });
    const received = await (await accepted).nextMessage();
    return { received, connected: extension.isConnected({}, { target }), hatsStarted, info: extension.getInfo() };
  } finally {
    await server.close();
  }
}
