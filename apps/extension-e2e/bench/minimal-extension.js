// The bench's yardstick for "300 clones connect/echo/close" (issue 22): the smallest
// unsandboxed TurboWarp extension that does the job, one WebSocket per sprite or clone in a
// Map from target to socket. No queue, no reconnect, no statistics: what any project could
// write in an afternoon. Served to the page as is by bench/clones.ts.
(function (Scratch) {
  'use strict';
  const runtime = Scratch.vm.runtime;
  /** target → { socket, message } */
  const sockets = new Map();

  class MinimalWebSocket {
    getInfo() {
      return {
        id: 'minimalws',
        name: 'Minimal WebSocket',
        blocks: [
          { opcode: 'connect', blockType: Scratch.BlockType.COMMAND, text: 'connect to [URL]', arguments: { URL: { type: Scratch.ArgumentType.STRING, defaultValue: '' } } },
          { opcode: 'send', blockType: Scratch.BlockType.COMMAND, text: 'send [MESSAGE]', arguments: { MESSAGE: { type: Scratch.ArgumentType.STRING, defaultValue: '' } } },
          { opcode: 'whenMessage', blockType: Scratch.BlockType.EVENT, text: 'when message received', isEdgeActivated: false },
          { opcode: 'message', blockType: Scratch.BlockType.REPORTER, text: 'message' },
          { opcode: 'close', blockType: Scratch.BlockType.COMMAND, text: 'close' },
        ],
      };
    }

    // Waits until the socket opened or failed, as a project expects before it sends.
    connect({ URL }, util) {
      const target = util.target;
      const entry = { socket: new WebSocket(String(URL)), message: '' };
      sockets.set(target, entry);
      entry.socket.onmessage = (event) => {
        entry.message = String(event.data);
        runtime.startHats('minimalws_whenMessage', undefined, target);
      };
      return new Promise((resolve) => {
        entry.socket.onopen = resolve;
        entry.socket.onerror = resolve;
      });
    }

    send({ MESSAGE }, util) {
      const entry = sockets.get(util.target);
      if (entry && entry.socket.readyState === WebSocket.OPEN) entry.socket.send(String(MESSAGE));
    }

    message(_, util) {
      return sockets.get(util.target)?.message ?? '';
    }

    close(_, util) {
      const entry = sockets.get(util.target);
      if (!entry) return;
      entry.socket.onmessage = null;
      entry.socket.close();
      sockets.delete(util.target);
    }
  }

  Scratch.extensions.register(new MinimalWebSocket());
})(Scratch);
