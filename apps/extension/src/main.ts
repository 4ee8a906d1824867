/// <reference types="@turbowarp/types-tw/types/scratch-vm-extension" />
/**
 * The entry of dist/websocket.js: TurboWarp runs it with its `Scratch` object. Wires the
 * runtime to TurboWarp's VM and registers the generated blocks.
 */
import { createTurboWarpHost, WebSocketRuntime } from '@scratch-websocket/runtime';
import { HAT_OPCODES, WebSocketExtension } from './generated/extension';
import { TRANSLATIONS } from './generated/translations';

// A sandboxed extension runs in a worker without the VM or the page's WebSocket permissions,
// so the blocks could not work there: stop loading with a message that says what to do.
if (!Scratch.extensions.unsandboxed) {
  throw new Error(
    'The WebSocket extension must be loaded unsandboxed: in TurboWarp, load it from a URL or file and tick "Run without sandbox".',
  );
}

const runtime = new WebSocketRuntime({
  WebSocket,
  host: createTurboWarpHost<VM.RenderedTarget, VM.Thread>(Scratch.vm.runtime, (url) => Scratch.canFetch(url)),
  hats: HAT_OPCODES,
});
// Before registering: TurboWarp calls getInfo() at once, and the texts must find their translations.
// (Only this standalone entry ships translations; generated/translations.ts is its own module.)
// A Scratch mod without translate.setup shows the English texts rather than failing to load.
if (typeof Scratch.translate.setup === 'function') Scratch.translate.setup(TRANSLATIONS);
Scratch.extensions.register(new WebSocketExtension(Scratch, runtime));
