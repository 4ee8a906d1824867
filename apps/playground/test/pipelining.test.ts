import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { within } from '@scratch-websocket/test-support';
import { defaultFiles } from '../src/files.js';
import { HOST, rawRequest } from './support/playground.js';
import { eventually, startMeasuredServer, type MeasuredServer } from './support/server-process.js';

const MiB = 1024 * 1024;
/** Requests in the flood: before the fix each held the file open, so 2,000 held 2,000. */
const FLOOD = 2000;
/** Copies of one file open at once past which a server plainly holds one per pipelined request. */
const MANY = 100;
/** Requests under the server's limit on pending ones. */
const FEW = 8;
/** The server's memory may grow by at most this much through a flood. */
const MOST_GROWTH = 64 * MiB;
const { docsFile, scaffoldingFile } = defaultFiles();

let server: MeasuredServer | undefined;
const sockets: Socket[] = [];
/** Error codes the pipelining clients saw: a server that cuts one off resets it. */
const clientErrors: string[] = [];

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  clientErrors.splice(0);
  server?.kill();
  server = undefined;
});

/** A server that has answered one request for `/docs` and closed the file again. */
async function startServer(): Promise<MeasuredServer> {
  const started = await startMeasuredServer();
  server = started;
  expect((await rawRequest(started.port, 'GET', '/docs')).status).toBe(200);
  await eventually(() => started.openFilesOf(docsFile) === 0, () => 'the docs file to be closed after the first answer');
  return started;
}

/** A TCP client that sends `count` GET requests for `path` at once and never reads an answer. */
async function pipeline(server: MeasuredServer, path: string, count: number): Promise<Socket> {
  const socket = connect(server.port, HOST);
  sockets.push(socket);
  socket.on('error', (error: NodeJS.ErrnoException) => clientErrors.push(error.code ?? error.message));
  await within(once(socket, 'connect'), 'the pipelining client to connect');
  socket.pause();
  socket.write(`GET ${path} HTTP/1.1\r\nHost: ${HOST}\r\n\r\n`.repeat(count));
  return socket;
}

/** Once the client has left, every copy of `file` is closed and the server answers others. */
async function afterLeaving(server: MeasuredServer, socket: Socket, file: string, filesBefore: number): Promise<void> {
  socket.destroy();
  await eventually(
    () => server.openFilesOf(file) === 0,
    () => `every copy of the file closed once the client left (${server.openFilesOf(file)} open)`,
  );
  expect(server.openFiles()).toBeLessThanOrEqual(filesBefore);
  expect((await rawRequest(server.port, 'GET', '/docs')).status).toBe(200);
}

/** The status codes and bodies of the complete answers in `bytes`, in order (every answer has a Content-Length). */
function answersIn(bytes: Buffer): Array<{ status: number; body: Buffer }> {
  const answers: Array<{ status: number; body: Buffer }> = [];
  let offset = 0;
  for (;;) {
    const headEnd = bytes.indexOf('\r\n\r\n', offset);
    if (headEnd === -1) return answers;
    const head = bytes.subarray(offset, headEnd).toString('latin1');
    const length = Number(/^content-length: (\d+)$/im.exec(head)?.[1]);
    if (headEnd + 4 + length > bytes.length) return answers;
    answers.push({ status: Number(head.split(' ')[1]), body: bytes.subarray(headEnd + 4, headEnd + 4 + length) });
    offset = headEnd + 4 + length;
  }
}

describe('a client that pipelines requests and reads the answers', () => {
  it('gets all 16 answers in order, each the whole file', async () => {
    const server = await startServer();
    const socket = await pipeline(server, '/docs', 16);
    const chunks: Buffer[] = [];
    const all = new Promise<void>((resolve) =>
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (answersIn(Buffer.concat(chunks)).length === 16) resolve();
      }),
    );
    socket.resume();
    await within(all, '16 answers');
    const docs = await readFile(docsFile);
    expect(answersIn(Buffer.concat(chunks)).map(({ status, body }) => [status, body.equals(docs)])).toEqual(Array(16).fill([200, true]));
    expect(server.process.stdout()).not.toMatch(/refused/);
  });
});

describe('a client that pipelines requests and never reads the answers', () => {
  it(`is cut off past 16 pending requests, holding no more than one file, when it sends ${FLOOD} at once`, async () => {
    const server = await startServer();
    const filesBefore = server.openFiles();
    const memoryBefore = server.residentBytes();

    const socket = await pipeline(server, '/docs', FLOOD);
    const refused = /^\d\d:\d\d:\d\d refused a connection: more than 16 requests pipelined without reading the answers; closed it$/m;
    await eventually(
      () => refused.test(server.process.stdout()) || server.openFilesOf(docsFile) >= MANY,
      () => `the server to refuse the flood or open the docs ${MANY} times (${server.openFilesOf(docsFile)} open)`,
    );
    expect(server.openFilesOf(docsFile)).toBeLessThanOrEqual(1);
    expect(server.process.stdout()).toMatch(refused);

    await afterLeaving(server, socket, docsFile, filesBefore);
    expect(server.residentBytes() - memoryBefore).toBeLessThan(MOST_GROWTH);
    expect(clientErrors.filter((code) => code !== 'ECONNRESET')).toEqual([]);
  }, 60_000);

  it(`holds one file open for ${FEW} pending answers, and closes it when the client leaves`, async () => {
    const server = await startServer();
    const filesBefore = server.openFiles();

    // Each answer (1.8 MB) is more than the socket buffers take, so one soon waits, file open.
    const socket = await pipeline(server, '/vendor/scaffolding-min.js', FEW);
    await eventually(
      () => server.openFilesOf(scaffoldingFile) > 0,
      () => 'the server to open the file for an answer',
    );
    // Node parsed all eight with the first; a server that opened each file at once has them all open now.
    expect(server.openFilesOf(scaffoldingFile)).toBe(1);

    await afterLeaving(server, socket, scaffoldingFile, filesBefore);
    expect(clientErrors).toEqual([]);
  }, 60_000);
});
