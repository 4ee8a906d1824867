import { describe, expect, it } from 'vitest';
import { parseArgs, parsePort, parseWholeNumber } from '../src/args.js';

/** What `parseArgs` returns to serve on `port` with every limit at its default, plus `changes`. */
function serve(port: number, changes: object = {}) {
  return { kind: 'serve', port, allowOrigins: [], maxConnections: 1000, requestTimeoutMs: 10_000, ...changes };
}

describe('parseArgs', () => {
  it.each([
    { argv: [], env: {}, expected: serve(8000) },
    { argv: ['--port', '9000'], env: {}, expected: serve(9000) },
    { argv: ['--port=9001'], env: {}, expected: serve(9001) },
    { argv: ['-p', '0'], env: {}, expected: serve(0) },
    { argv: [], env: { PORT: '8123' }, expected: serve(8123) },
    { argv: [], env: { PORT: '' }, expected: serve(8000) },
    { argv: ['--port', '9000'], env: { PORT: '8123' }, expected: serve(9000) },
    { argv: ['--allow-origin', 'https://Example.com'], env: {}, expected: serve(8000, { allowOrigins: ['https://example.com'] }) },
    { argv: ['--allow-origin=http://localhost:3000', '--allow-origin', 'null'], env: {}, expected: serve(8000, { allowOrigins: ['http://localhost:3000', 'null'] }) },
    // As browsers serialise an origin (WHATWG URL): default port dropped, host in punycode.
    { argv: ['--allow-origin', 'https://example.com:443'], env: {}, expected: serve(8000, { allowOrigins: ['https://example.com'] }) },
    { argv: ['--allow-origin=HTTP://Example.com:80'], env: {}, expected: serve(8000, { allowOrigins: ['http://example.com'] }) },
    { argv: ['--allow-origin', 'https://bücher.example'], env: {}, expected: serve(8000, { allowOrigins: ['https://xn--bcher-kva.example'] }) },
    { argv: ['--allow-origin', 'https://example.com:8443'], env: {}, expected: serve(8000, { allowOrigins: ['https://example.com:8443'] }) },
    { argv: ['--allow-origin', 'tw-editor://.'], env: {}, expected: serve(8000, { allowOrigins: ['tw-editor://.'] }) },
    { argv: ['--max-connections', '50'], env: {}, expected: serve(8000, { maxConnections: 50 }) },
    { argv: ['--request-timeout=2500', '-p', '0'], env: {}, expected: serve(0, { requestTimeoutMs: 2500 }) },
    { argv: ['--help'], env: {}, expected: { kind: 'help' } },
    { argv: ['-h'], env: {}, expected: { kind: 'help' } },
  ])('reads $argv with $env as $expected', ({ argv, env, expected }) => {
    expect(parseArgs(argv, env)).toEqual(expected);
  });

  it.each([
    { argv: ['--port', 'abc'], env: {}, message: '--port must be a whole number from 0 to 65535, got "abc"' },
    { argv: ['--port=70000'], env: {}, message: '--port must be a whole number from 0 to 65535, got "70000"' },
    { argv: ['-p', '-1'], env: {}, message: '-p must be a whole number from 0 to 65535, got "-1"' },
    { argv: ['--port'], env: {}, message: '--port needs a value, e.g. --port 8000' },
    { argv: [], env: { PORT: '80.5' }, message: 'PORT must be a whole number from 0 to 65535, got "80.5"' },
    { argv: ['--allow-origin', 'https://example.com/'], env: {}, message: '--allow-origin must be an origin like https://example.com or http://localhost:3000 (no path), got "https://example.com/"' },
    { argv: ['--allow-origin=*'], env: {}, message: '--allow-origin must be an origin like https://example.com or http://localhost:3000 (no path), got "*"' },
    { argv: ['--allow-origin'], env: {}, message: '--allow-origin needs a value, e.g. --allow-origin https://example.com' },
    { argv: ['--allow-origin', 'https://example.com.'], env: {}, message: '--allow-origin must name its host without a trailing dot, as browsers send it for pages on that site (https://example.com), got "https://example.com."' },
    { argv: ['--allow-origin', 'https://example.com:70000'], env: {}, message: '--allow-origin must be an origin like https://example.com or http://localhost:3000 (no path), got "https://example.com:70000"' },
    { argv: ['--allow-origin', 'wss://example.com'], env: {}, message: '--allow-origin must be the origin of a page: http://, https:// or an app\'s own scheme such as tw-editor://., got "wss://example.com"' },
    { argv: ['--allow-origin', 'file://host'], env: {}, message: '--allow-origin must be the origin of a page: http://, https:// or an app\'s own scheme such as tw-editor://. (a file sends null: --allow-origin null), got "file://host"' },
    { argv: ['--max-connections', '0'], env: {}, message: '--max-connections must be a whole number from 1 to 1000000, got "0"' },
    { argv: ['--max-connections=ten'], env: {}, message: '--max-connections must be a whole number from 1 to 1000000, got "ten"' },
    { argv: ['--request-timeout', '1.5'], env: {}, message: '--request-timeout must be a whole number of milliseconds from 1 to 3600000, got "1.5"' },
    { argv: ['--request-timeout', '3600001'], env: {}, message: '--request-timeout must be a whole number of milliseconds from 1 to 3600000, got "3600001"' },
  ])('refuses $argv with $env: $message', ({ argv, env, message }) => {
    expect(parseArgs(argv, env)).toEqual({ kind: 'bad-argument', message });
  });

  it('names an unknown argument and shows the usage', () => {
    const parsed = parseArgs(['--verbose'], {});
    expect(parsed.kind).toBe('bad-argument');
    expect(parsed.kind === 'bad-argument' && parsed.message).toMatch(/^unknown argument "--verbose" \(usage: npm start/);
  });
});

describe('parseWholeNumber', () => {
  it.each([
    ['1', 1, 10, 1],
    ['10', 1, 10, 10],
    ['0', 1, 10, undefined],
    ['11', 1, 10, undefined],
    ['-1', 0, 10, undefined],
    ['1e1', 0, 100, undefined],
    ['99999999999999999', 0, Number.MAX_SAFE_INTEGER, undefined],
  ])('reads %j within %i..%i as %j', (text, lowest, highest, expected) => {
    expect(parseWholeNumber(text, lowest, highest)).toBe(expected);
  });
});

describe('parsePort', () => {
  it.each([
    ['0', 0],
    ['8000', 8000],
    ['65535', 65535],
    ['65536', undefined],
    ['0x1f', undefined],
    ['1e3', undefined],
    [' 80', undefined],
    ['8000.0', undefined],
    ['123456', undefined],
    ['', undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(parsePort(text)).toBe(expected);
  });
});
