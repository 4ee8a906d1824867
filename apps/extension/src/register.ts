/// <reference types="@turbowarp/types-tw/types/scratch-vm-extension" />
/**
 * What both entries do (src/main.ts for dist/websocket.js, src/gallery.ts for the gallery's
 * file): refuse the sandbox, build the runtime on TurboWarp's VM, register the blocks.
 */
import { createTurboWarpHost, OffThreadSockets, startBlobWorker, WebSocketRuntime, type WebSocketConstructorLike } from '@scratch-websocket/runtime';
import { HAT_OPCODES, WebSocketExtension } from './generated/extension';

/**
 * TurboWarp's permission check. The runtime asks it before every socket it opens (an automatic
 * reconnect's too) and constructs the socket only once it has said yes: both steps are in the
 * runtime's `Opener.openSocket`, one line after the other. It may ask the person using the
 * project, so it is a promise.
 */
function canFetch(url: string): Promise<boolean> {
  return Scratch.canFetch(url);
}

/** Registers the blocks with TurboWarp. Throws, so loading stops, when run sandboxed. */
export function registerExtension(): void {
  // A sandboxed extension runs in a worker without the VM or the page's WebSocket permissions,
  // so the blocks could not work there: stop loading with a message that says what to do.
  if (!Scratch.extensions.unsandboxed) {
    throw new Error(
      'The WebSocket extension must be loaded unsandboxed: in TurboWarp, load it from a URL or file and tick "Run without sandbox".',
    );
  }
  // Sockets live in one Worker of the page, so a flooding server cannot hold back the VM's
  // frames; where the page cannot start one (a Content-Security-Policy without `worker-src
  // blob:`), they are the page's own WebSocket. Either way `canFetch` is asked on the page first.
  const sockets = new OffThreadSockets({
    pageWebSocket: WebSocket as WebSocketConstructorLike,
    startWorker: startBlobWorker,
  });
  const runtime = new WebSocketRuntime({
    WebSocket: sockets.WebSocket,
    host: sockets.host(createTurboWarpHost<VM.RenderedTarget, VM.Thread>(Scratch.vm.runtime, canFetch)),
    hats: HAT_OPCODES,
  });
  Scratch.extensions.register(new WebSocketExtension(Scratch, runtime));
}
