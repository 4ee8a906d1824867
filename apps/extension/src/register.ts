/// <reference types="@turbowarp/types-tw/types/scratch-vm-extension" />
/**
 * What both entries do (src/main.ts for dist/websocket.js, src/gallery.ts for the gallery's
 * file): refuse the sandbox, build the runtime on TurboWarp's VM, register the blocks.
 */
import { createTurboWarpHost, OffThreadSockets, startBlobWorker, WebSocketRuntime, type WebSocketConstructorLike } from '@scratch-websocket/runtime';
import { HAT_OPCODES, WebSocketExtension } from './generated/extension';

/**
 * Opens the page's WebSocket to `url`, offering `protocols` (the subprotocols of `connect to
 * [URL] with protocols [PROTOCOLS]`, already checked by the runtime) when there are any. The
 * runtime calls it with `new` (as the constructor it was given, so it gets back the socket made
 * here), and only once `Scratch.canFetch(url)`, the host's permission check in
 * `registerExtension`, has allowed that same URL. Without protocols it makes exactly the
 * one-argument socket a plain `connect to` always made.
 */
function openWebSocket(url: string, protocols?: string[]): WebSocket {
  // The comments are inside the expressions because esbuild keeps comments there (and drops
  // them before statements): the gallery's lint needs the directive in the built file, before
  // each `new WebSocket`.
  if (protocols === undefined || protocols.length === 0) {
    return (
      // Checked above: the runtime asks Scratch.canFetch(url) first and opens only what it allowed.
      // eslint-disable-next-line extension/check-can-fetch
      new WebSocket(url)
    );
  }
  return (
    // Checked above, as for the socket without protocols.
    // eslint-disable-next-line extension/check-can-fetch
    new WebSocket(url, protocols)
  );
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
  // blob:`), they are the page's own, through `openWebSocket` (issue 22).
  const sockets = new OffThreadSockets({
    // A function that returns an object gives that object when called with `new`.
    pageWebSocket: openWebSocket as unknown as WebSocketConstructorLike,
    startWorker: startBlobWorker,
  });
  const runtime = new WebSocketRuntime({
    WebSocket: sockets.WebSocket,
    host: sockets.host(createTurboWarpHost<VM.RenderedTarget, VM.Thread>(Scratch.vm.runtime, (url) => Scratch.canFetch(url))),
    hats: HAT_OPCODES,
  });
  Scratch.extensions.register(new WebSocketExtension(Scratch, runtime));
}
