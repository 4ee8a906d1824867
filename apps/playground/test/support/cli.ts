import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { within } from '@scratch-websocket/test-support';

const require = createRequire(import.meta.url);
const TSX_CLI = require.resolve('tsx/cli');
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
  const child = spawn(process.execPath, [TSX_CLI, MAIN, ...args], {
    env: { ...process.env, PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
