import { readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { within } from '@scratch-websocket/test-support';
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
  /** How many of those are `file`, opened (as `/proc` shows) by its real path. */
  openFilesOf(file: string): number;
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
    openFilesOf: (file) => {
      const target = realpathSync(file);
      return descriptorTargets(pid).filter((path) => path === target).length;
    },
    kill: () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    },
  };
}

/** What each of the process's file descriptors points at; one closed while listed is left out. */
function descriptorTargets(pid: number): string[] {
  const folder = `/proc/${pid}/fd`;
  return readdirSync(folder).flatMap((fd) => {
    try {
      return [readlinkSync(`${folder}/${fd}`)];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  });
}

/**
 * Resolves once `condition()` holds, checked every 20 ms: for what only /proc shows (a file
 * closed, memory freed), which no event announces. Bounded by `ms`; the failure ends with
 * `describe()` as it is then.
 */
export async function eventually(condition: () => boolean, describe: () => string, ms = 15_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const held = new Promise<void>((resolve) => {
    const check = () => {
      if (condition()) resolve();
    };
    timer = setInterval(check, 20);
    check();
  });
  try {
    await within(held, 'a condition to hold', ms);
  } catch (error) {
    throw new Error(`${(error as Error).message}: ${describe()}`);
  } finally {
    clearInterval(timer);
  }
}
