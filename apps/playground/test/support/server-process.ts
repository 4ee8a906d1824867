import { readdirSync } from 'node:fs';
import { residentBytes, startServerProcess, type CliProcess } from './cli.js';

/**
 * The playground as `npm start` runs it, in a Node process of its own, with what it costs the
 * machine read from /proc: its resident memory and its open file descriptors.
 */
export interface MeasuredServer {
  process: CliProcess;
  port: number;
  /** `VmRSS` of the server process, in bytes. */
  residentBytes(): number;
  /** Entries of `/proc/<pid>/fd`: files, sockets and pipes the server holds open. */
  openFiles(): number;
  /** Kills the process if it still runs (SIGKILL: a test's server needs no clean stop). */
  kill(): void;
}

/** Starts the server on an OS-assigned port and resolves once it printed its address. */
export async function startMeasuredServer(): Promise<MeasuredServer> {
  const server = startServerProcess(['--port', '0']);
  const pid = server.child.pid!;
  const [, port] = await server.waitForOutput(/^scratch-websocket playground: http:\/\/localhost:(\d+)\/$/m, 30_000);
  return {
    process: server,
    port: Number(port),
    residentBytes: () => residentBytes(pid),
    openFiles: () => readdirSync(`/proc/${pid}/fd`).length,
    kill: () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    },
  };
}
