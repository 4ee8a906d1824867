import { describe, expect, it } from 'vitest';
import { parseArgs, parsePort } from '../src/args.js';

describe('parseArgs', () => {
  it.each([
    { argv: [], env: {}, expected: { kind: 'serve', port: 8000 } },
    { argv: ['--port', '9000'], env: {}, expected: { kind: 'serve', port: 9000 } },
    { argv: ['--port=9001'], env: {}, expected: { kind: 'serve', port: 9001 } },
    { argv: ['-p', '0'], env: {}, expected: { kind: 'serve', port: 0 } },
    { argv: [], env: { PORT: '8123' }, expected: { kind: 'serve', port: 8123 } },
    { argv: [], env: { PORT: '' }, expected: { kind: 'serve', port: 8000 } },
    { argv: ['--port', '9000'], env: { PORT: '8123' }, expected: { kind: 'serve', port: 9000 } },
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
  ])('refuses $argv with $env: $message', ({ argv, env, message }) => {
    expect(parseArgs(argv, env)).toEqual({ kind: 'bad-argument', message });
  });

  it('names an unknown argument and shows the usage', () => {
    const parsed = parseArgs(['--verbose'], {});
    expect(parsed.kind).toBe('bad-argument');
    expect(parsed.kind === 'bad-argument' && parsed.message).toMatch(/^unknown argument "--verbose" \(usage: npm start/);
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
