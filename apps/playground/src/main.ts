#!/usr/bin/env tsx
/**
 * `npm start`: serves the playground on http://localhost:8000 (or `--port N` / `PORT=N`) until
 * Ctrl-C. Exit codes: 0 after a clean stop, 1 when it cannot listen (e.g. the port is taken),
 * 2 for a bad argument.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs, USAGE } from './args.js';
import { defaultFiles } from './files.js';
import { createPlaygroundServer } from './server.js';
import type { PlaygroundUrls } from './urls.js';

/** Cannot listen (port taken), a second Ctrl-C during shutdown, or any other failure. */
const EXIT_FAILURE = 1;
const EXIT_BAD_ARGUMENT = 2;

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (parsed.kind === 'bad-argument') {
    fail(EXIT_BAD_ARGUMENT, `bad argument: ${parsed.message}`);
    return;
  }

  const files = defaultFiles();
  const playground = createPlaygroundServer({
    port: parsed.port,
    allowOrigins: parsed.allowOrigins,
    maxConnections: parsed.maxConnections,
    requestTimeoutMs: parsed.requestTimeoutMs,
    ...files,
    log: (line) => console.log(`${clock()} ${line}`),
  });
  let urls: PlaygroundUrls;
  try {
    urls = await playground.listen();
  } catch (error) {
    fail(EXIT_FAILURE, listenFailure(error, parsed.port));
    return;
  }

  printBanner(urls);
  for (const [file, command] of [
    [files.extensionFile, 'NX_TUI=false npx nx run extension:build'],
    [files.docsFile, 'npm run generate'],
  ] as const) {
    if (!existsSync(file)) console.log(`warning: ${relative(process.cwd(), file)} does not exist yet; run \`${command}\``);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C while the sockets close means "now".
    if (stopping) process.exit(EXIT_FAILURE);
    stopping = true;
    console.log(`${clock()} ${signal}: closing every connection and the server`);
    playground.close().then(
      () => process.exit(0),
      (error: unknown) => {
        fail(EXIT_FAILURE, `could not stop cleanly: ${String(error)}`);
        process.exit();
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function printBanner(urls: PlaygroundUrls): void {
  console.log(
    [
      `scratch-websocket playground: ${urls.home}`,
      `  TurboWarp with the blocks  ${urls.turbowarpEditor}`,
      `  extension                  ${urls.extension}`,
      `  docs                       ${urls.docs}`,
      `  demo                       ${urls.demo}`,
      `  echo server                ${urls.echo}`,
      `  broadcast server           ${urls.broadcast}`,
      'Ctrl-C stops it.',
    ].join('\n'),
  );
}

function listenFailure(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return `port ${port} is already in use (is a playground already running?); stop that program or choose another port with --port N`;
  }
  if (code === 'EACCES') return `no permission to listen on port ${port}; choose a port above 1023 with --port N`;
  return `cannot listen on port ${port}: ${error instanceof Error ? error.message : String(error)}`;
}

function fail(exitCode: number, message: string): void {
  console.error(`playground: ${message}`);
  process.exitCode = exitCode;
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

main().catch((error: unknown) => {
  fail(EXIT_FAILURE, error instanceof Error ? (error.stack ?? error.message) : String(error));
});
