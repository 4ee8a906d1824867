import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port';

export interface Registry {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  port: number;
  /** Stops the server and waits for it to exit; safe to call more than once. */
  stop(): Promise<void>;
}

/** Verdaccio prints this once it listens (at level warn, the only level we keep). */
const LISTENING = /http address - (http:\/\/127\.0\.0\.1:\d+)\//;
/** Colour codes: its pretty logger colours the address when it believes a terminal is attached. */
const ANSI_ESCAPE = /\u001b\[[0-9;]*m/g;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * A throw-away registry: no uplinks (nothing leaves 127.0.0.1), anyone may read, anyone with
 * any token may publish, no web UI, storage inside `folder`.
 */
export function verdaccioConfig(storage: string): string {
  return [
    `storage: ${JSON.stringify(storage)}`,
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $anonymous',
    'web:',
    '  enable: false',
    'log:',
    '  type: stdout',
    '  format: pretty',
    '  level: warn',
    '',
  ].join('\n');
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Verdaccio (pid ${child.pid}) did not exit within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function waitForListening(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (): void => {
      const match = LISTENING.exec(output().replace(ANSI_ESCAPE, ''));
      if (match?.[1]) finish(() => resolve(match[1] as string));
    };
    const onExit = (code: number | null): void =>
      finish(() => reject(new Error(`Verdaccio exited with ${code} before listening:\n${output()}`)));
    const timer = setTimeout(
      () => finish(() => reject(new Error(`Verdaccio did not report "http address" within ${START_TIMEOUT_MS} ms:\n${output()}`))),
      START_TIMEOUT_MS,
    );
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      settle();
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Starts Verdaccio from the root node_modules with its config and storage under `folder`. */
export async function startVerdaccio(workspaceRoot: string, folder: string): Promise<Registry> {
  const port = await freePort();
  const configFile = path.join(folder, 'config.yaml');
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(configFile, verdaccioConfig(path.join(folder, 'storage')));
  const bin = path.join(workspaceRoot, 'node_modules/verdaccio/bin/verdaccio');
  const child = spawn(process.execPath, [bin, '--config', configFile, '--listen', `127.0.0.1:${port}`], {
    cwd: folder,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    try {
      await waitForExit(child, STOP_TIMEOUT_MS);
    } catch (error) {
      // It ignored SIGTERM: force it, and still report that it had to be forced.
      child.kill('SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS);
      throw error;
    }
  };

  try {
    const url = await waitForListening(child, () => output);
    return { url, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
