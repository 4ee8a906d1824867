/// <reference types="@turbowarp/types-tw/types/scratch-vm-extension" />
/**
 * What both entries do (src/main.ts for dist/websocket.js, src/gallery.ts for the gallery's
 * file): refuse the sandbox, build the runtime on TurboWarp's VM, register the blocks.
 */
import { createTurboWarpHost, OffThreadSockets, startBlobWorker, WebSocketRuntime, type Host, type WebSocketConstructorLike } from '@scratch-websocket/runtime';
import { HAT_OPCODES, RUNTIME_FACETS, SOCKETS_IN_WORKER, WebSocketExtension } from './generated/extension';

/**
 * TurboWarp's permission check. The runtime asks it before every socket it opens (an automatic
 * reconnect's too) and constructs the socket only once it has said yes: both steps are in the
 * runtime's `Opener.openSocket`, a few lines apart. It may ask the person using the
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
  const host = createTurboWarpHost<VM.RenderedTarget, VM.Thread>(Scratch.vm.runtime, canFetch);
  // The page's own sockets until the gallery piece that brings the worker: a piece's file
  // carries only the code it uses.
  const sockets = SOCKETS_IN_WORKER ? socketsInWorker(host) : { WebSocket: WebSocket as WebSocketConstructorLike, host };
  // Only the facets the blocks call: the others' code is left out of the bundle too.
  const runtime = new WebSocketRuntime({ ...sockets, hats: HAT_OPCODES, facets: RUNTIME_FACETS });
  Scratch.extensions.register(new WebSocketExtension(Scratch, runtime));
}

/**
 * Sockets in one Worker of the page, so a flooding server cannot hold back the VM's frames;
 * where the page cannot start one (a Content-Security-Policy without `worker-src blob:`), they
 * are the page's own WebSocket. Either way `canFetch` is asked on the page first.
 */
function socketsInWorker<Target extends object, Thread>(host: Host<Target, Thread>): { WebSocket: WebSocketConstructorLike; host: Host<Target, Thread> } {
  const sockets = new OffThreadSockets({ pageWebSocket: WebSocket as WebSocketConstructorLike, startWorker: startBlobWorker });
  return { WebSocket: sockets.WebSocket, host: sockets.host(host) };
}
