/**
 * The command line of `npm start` / `main.ts`, as a pure function so every case is a row in a
 * table test. The port comes from `--port N` (or `--port=N`), else the `PORT` environment
 * variable, else 8000: TurboWarp loads extensions from http://localhost:8000 unsandboxed
 * without asking, so that is the port a new user needs.
 */

export const DEFAULT_PORT = 8000;
const HIGHEST_PORT = 65535;

export type ParsedArgs =
  | { kind: 'serve'; port: number }
  | { kind: 'help' }
  | { kind: 'bad-argument'; message: string };

export const USAGE = 'usage: npm start [-- --port N]   (or PORT=N npm start; N from 0 to 65535, 0 = any free port)';

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedArgs {
  let portText: string | undefined;
  let portSource = 'PORT';

  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') return { kind: 'help' };
    if (argument === '--port' || argument === '-p') {
      const value = argv[index + 1];
      if (value === undefined) return bad(`${argument} needs a value, e.g. ${argument} 8000`);
      portText = value;
      portSource = argument;
      index++;
      continue;
    }
    if (argument.startsWith('--port=')) {
      portText = argument.slice('--port='.length);
      portSource = '--port';
      continue;
    }
    return bad(`unknown argument "${argument}" (${USAGE})`);
  }

  if (portText === undefined) portText = env.PORT;
  if (portText === undefined || portText === '') return { kind: 'serve', port: DEFAULT_PORT };

  const port = parsePort(portText);
  if (port === undefined) {
    return bad(`${portSource} must be a whole number from 0 to ${HIGHEST_PORT}, got "${portText}"`);
  }
  return { kind: 'serve', port };
}

/** Digits only: `Number()` would also accept `0x1f`, `1e3`, ` 80 ` and `8000.0`. */
export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= HIGHEST_PORT ? port : undefined;
}

function bad(message: string): ParsedArgs {
  return { kind: 'bad-argument', message };
}
