import net from 'node:net';

/**
 * A port that was free a moment ago on 127.0.0.1: the OS picks it (port 0), we release it and
 * hand it to Verdaccio, which takes a `--listen` address rather than reporting its own.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`unexpected server address: ${String(address)}`));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
