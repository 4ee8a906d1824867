import {
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  HIGHEST_MAX_CONNECTIONS,
  HIGHEST_REQUEST_TIMEOUT_MS,
} from './limits.js';
import { parseOrigin } from './origins.js';

/**
 * The command line of `npm start` / `main.ts`, as a pure function so every case is a row in a
 * table test. The port comes from `--port N` (or `--port=N`), else the `PORT` environment
 * variable, else 8000: TurboWarp loads extensions from http://localhost:8000 unsandboxed
 * without asking, so that is the port a new user needs. The limits (`limits.ts`) and the
 * origin allow-list (`origins.ts`) have flags of their own; every flag takes `--flag V` or
 * `--flag=V`.
 */

export const DEFAULT_PORT = 8000;
const HIGHEST_PORT = 65535;

export interface ServeSettings {
  port: number;
  /** `--allow-origin`, repeatable: origins allowed on top of TurboWarp's and the server's own. */
  allowOrigins: string[];
  /** `--max-connections`: TCP connections open at once. */
  maxConnections: number;
  /** `--request-timeout`: milliseconds to send a complete HTTP request. */
  requestTimeoutMs: number;
}

export type ParsedArgs = ({ kind: 'serve' } & ServeSettings) | { kind: 'help' } | { kind: 'bad-argument'; message: string };

export const USAGE =
  'usage: npm start [-- --port N] [--allow-origin ORIGIN]... [--max-connections N] [--request-timeout MS]' +
  '   (or PORT=N npm start; N from 0 to 65535, 0 = any free port)';

type Flag = 'port' | 'allow-origin' | 'max-connections' | 'request-timeout';
const FLAGS: ReadonlyMap<string, Flag> = new Map([
  ['--port', 'port'],
  ['-p', 'port'],
  ['--allow-origin', 'allow-origin'],
  ['--max-connections', 'max-connections'],
  ['--request-timeout', 'request-timeout'],
]);
const EXAMPLES: Record<Flag, string> = {
  port: '8000',
  'allow-origin': 'https://example.com',
  'max-connections': String(DEFAULT_MAX_CONNECTIONS),
  'request-timeout': String(DEFAULT_REQUEST_TIMEOUT_MS),
};

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedArgs {
  let portText: string | undefined;
  let portSource = 'PORT';
  const settings: ServeSettings = {
    port: DEFAULT_PORT,
    allowOrigins: [],
    maxConnections: DEFAULT_MAX_CONNECTIONS,
    requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
  };

  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') return { kind: 'help' };
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const name = equals === -1 ? argument : argument.slice(0, equals);
    const flag = FLAGS.get(name);
    if (flag === undefined) return bad(`unknown argument "${argument}" (${USAGE})`);
    let value: string;
    if (equals !== -1) {
      value = argument.slice(equals + 1);
    } else {
      const next = argv[index + 1];
      if (next === undefined) return bad(`${name} needs a value, e.g. ${name} ${EXAMPLES[flag]}`);
      value = next;
      index++;
    }

    if (flag === 'port') {
      portText = value;
      portSource = name;
    } else if (flag === 'allow-origin') {
      const parsed = parseOrigin(value);
      if ('problem' in parsed) return bad(`${name} ${parsed.problem}, got "${value}"`);
      settings.allowOrigins.push(parsed.origin);
    } else if (flag === 'max-connections') {
      const count = parseWholeNumber(value, 1, HIGHEST_MAX_CONNECTIONS);
      if (count === undefined) return bad(`${name} must be a whole number from 1 to ${HIGHEST_MAX_CONNECTIONS}, got "${value}"`);
      settings.maxConnections = count;
    } else {
      const ms = parseWholeNumber(value, 1, HIGHEST_REQUEST_TIMEOUT_MS);
      if (ms === undefined) {
        return bad(`${name} must be a whole number of milliseconds from 1 to ${HIGHEST_REQUEST_TIMEOUT_MS}, got "${value}"`);
      }
      settings.requestTimeoutMs = ms;
    }
  }

  if (portText === undefined) portText = env.PORT;
  if (portText !== undefined && portText !== '') {
    const port = parsePort(portText);
    if (port === undefined) {
      return bad(`${portSource} must be a whole number from 0 to ${HIGHEST_PORT}, got "${portText}"`);
    }
    settings.port = port;
  }
  return { kind: 'serve', ...settings };
}

/** Digits only: `Number()` would also accept `0x1f`, `1e3`, ` 80 ` and `8000.0`. */
export function parsePort(text: string): number | undefined {
  return parseWholeNumber(text, 0, HIGHEST_PORT);
}

/** Digits only (as `parsePort`), from `lowest` to `highest`; `undefined` otherwise. */
export function parseWholeNumber(text: string, lowest: number, highest: number): number | undefined {
  if (!/^\d{1,16}$/.test(text)) return undefined;
  const number = Number(text);
  return number >= lowest && number <= highest ? number : undefined;
}

function bad(message: string): ParsedArgs {
  return { kind: 'bad-argument', message };
}
