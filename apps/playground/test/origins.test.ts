import { describe, expect, it } from 'vitest';
import { allowedOrigins, isAllowedOrigin, parseOrigin, TURBOWARP_ORIGINS } from '../src/origins.js';

describe('isAllowedOrigin', () => {
  const allowed = allowedOrigins(8000, ['https://example.com']);

  it.each([
    [undefined, true],
    ['https://turbowarp.org', true],
    ['https://packager.turbowarp.org', true],
    ['tw-editor://.', true],
    ['tw-packager://.', true],
    ['http://localhost:8000', true],
    ['http://127.0.0.1:8000', true],
    ['HTTP://LOCALHOST:8000', true],
    ['https://example.com', true],
    ['https://evil.example', false],
    ['null', false],
    ['', false],
    ['http://localhost:8001', false],
    ['http://localhost', false],
    ['https://turbowarp.org.evil.example', false],
    ['http://turbowarp.org', false],
    ['https://www.turbowarp.org:8000', false],
    ['https://example.com:443', false],
  ])('origin %j: %s', (origin, expected) => {
    expect(isAllowedOrigin(origin, allowed)).toBe(expected);
  });

  it('allows TurboWarp on any port the server has, and its own pages only on that port', () => {
    const onOtherPort = allowedOrigins(9000);
    expect([...onOtherPort]).toEqual([...TURBOWARP_ORIGINS, 'http://localhost:9000', 'http://127.0.0.1:9000']);
  });

  it('allows `null` only when named', () => {
    expect(isAllowedOrigin('null', allowedOrigins(8000, ['null']))).toBe(true);
  });
});

describe('parseOrigin', () => {
  it.each([
    ['https://example.com', 'https://example.com'],
    ['HTTPS://Example.COM:8443', 'https://example.com:8443'],
    ['http://[::1]:8000', 'http://[::1]:8000'],
    ['tw-editor://.', 'tw-editor://.'],
    ['null', 'null'],
    ['https://example.com/', undefined],
    ['https://example.com/path', undefined],
    ['https://example.com?x', undefined],
    ['https://user@example.com', undefined],
    ['example.com', undefined],
    ['*', undefined],
    ['', undefined],
    ['https://exa mple.com', undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(parseOrigin(text)).toBe(expected);
  });
});
