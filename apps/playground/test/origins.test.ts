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
    ['https://example.com:443', 'https://example.com'],
    ['http://example.com:80', 'http://example.com'],
    ['https://example.com:', 'https://example.com'],
    ['http://example.com:443', 'http://example.com:443'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
    ['https://BÜCHER.example', 'https://xn--bcher-kva.example'],
    ['https://ex%41mple.com', 'https://example.com'],
    ['http://[::1]:8000', 'http://[::1]:8000'],
    ['http://[0:0:0:0:0:0:0:1]', 'http://[::1]'],
    ['tw-editor://.', 'tw-editor://.'],
    ['Capacitor://LocalHost', 'capacitor://localhost'],
    ['null', 'null'],
  ])('reads %j as the origin %j', (text, origin) => {
    expect(parseOrigin(text)).toEqual({ origin });
  });

  const notAnOrigin = 'must be an origin like https://example.com or http://localhost:3000 (no path)';
  const notAPage = "must be the origin of a page: http://, https:// or an app's own scheme such as tw-editor://.";
  it.each([
    ['https://example.com/', notAnOrigin],
    ['https://example.com/path', notAnOrigin],
    ['https://example.com?x', notAnOrigin],
    ['https://user@example.com', notAnOrigin],
    ['example.com', notAnOrigin],
    ['*', notAnOrigin],
    ['', notAnOrigin],
    ['https://exa mple.com', notAnOrigin],
    ['https://example.com:70000', notAnOrigin],
    ['https://exa<mple.com', notAnOrigin],
    ['https://example.com.', 'must name its host without a trailing dot, as browsers send it for pages on that site (https://example.com)'],
    ['http://Example.com.:8080', 'must name its host without a trailing dot, as browsers send it for pages on that site (http://example.com:8080)'],
    ['wss://example.com', notAPage],
    ['ws://localhost:8000', notAPage],
    ['ftp://example.com', notAPage],
    ['file://host', `${notAPage} (a file sends null: --allow-origin null)`],
  ])('refuses %j: %s', (text, problem) => {
    expect(parseOrigin(text)).toEqual({ problem });
  });
});
