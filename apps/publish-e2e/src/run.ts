import { spawn } from 'node:child_process';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The process is killed after this long and the run fails, naming the command. */
  timeoutMs: number;
  /** Told each chunk of stdout as it arrives (a test waits on it instead of on the clock). */
  onStdout?: (chunk: string) => void;
  /**
   * Starts the timeout: calls `onTimeout` after `ms`, returns how to cancel it. Defaults to
   * `setTimeout`; a test passes one it fires itself, so it never races the wall clock.
   */
  startTimer?: (onTimeout: () => void, ms: number) => () => void;
}

function startRealTimer(onTimeout: () => void, ms: number): () => void {
  const timer = setTimeout(onTimeout, ms);
  return () => clearTimeout(timer);
}

function describe(command: string, args: readonly string[]): string {
  return [command, ...args].join(' ');
}

/** Runs a command to its end and collects its output; rejects only on a timeout or a failed spawn. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const cancelTimer = (options.startTimer ?? startRealTimer)(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${options.timeoutMs} ms: ${describe(command, args)}\n${stdout}\n${stderr}`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      cancelTimer();
      reject(new Error(`could not start ${describe(command, args)}: ${error.message}`));
    });
    child.on('close', (code) => {
      cancelTimer();
      resolve({ code, stdout, stderr });
    });
  });
}

/** Like `run`, but a non-zero exit is an error that carries the command's output. */
export async function runOk(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${describe(command, args)} (in ${options.cwd}) exited with ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}
