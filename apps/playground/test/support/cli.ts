import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { within } from '@scratch-websocket/test-support';

const require = createRequire(import.meta.url);
const TSX_CLI = require.resolve('tsx/cli');
const TSX_LOADER = pathToFileURL(require.resolve('tsx/esm')).href;
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (bounded), or fails saying what the process printed. */
  exited(ms?: number): Promise<number | null>;
  /** Waits (bounded) until stdout contains a line matching `pattern`, and returns the match. */
  waitForOutput(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

/** Starts `main.ts` the way `npm start` does: through the tsx CLI. */
export function startCli(args: string[], env: Record<string, string> = {}): CliProcess {
  return watch(spawn(process.execPath, [TSX_CLI, MAIN, ...args], { env: { ...process.env, PORT: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * Starts `main.ts` in a Node process of its own with tsx as a loader, so `child.pid` is the
 * server itself (the tsx CLI would start it as a grandchild), e.g. to read its memory use.
 */
export function startServerProcess(args: string[]): CliProcess {
  return watch(spawn(process.execPath, ['--import', TSX_LOADER, MAIN, ...args], { env: { ...process.env, PORT: '' }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** Resident set size of a running process on Linux (`VmRSS` in /proc), in bytes. */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (kilobytes === null) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kilobytes[1]) * 1024;
}

function watch(child: ChildProcess): CliProcess {
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const listener of listeners) listener();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const describe = () => `stdout ${JSON.stringify(stdout)}, stderr ${JSON.stringify(stderr)}`;

  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    async exited(ms = 15_000) {
      try {
        return await within(exit, 'the playground CLI to exit', ms);
      } catch (error) {
        child.kill('SIGKILL');
        throw new Error(`${(error as Error).message}; ${describe()}`);
      }
    },
    waitForOutput(pattern, ms = 15_000) {
      const found = new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match !== null) {
            listeners.delete(check);
            resolve(match);
          }
        };
        listeners.add(check);
        void exit.then((code) => {
          listeners.delete(check);
          reject(new Error(`the CLI exited (${code}) before printing ${pattern}; ${describe()}`));
        });
        check();
      });
      return within(found, `CLI output matching ${pattern}; ${describe()}`, ms);
    },
  };
}
