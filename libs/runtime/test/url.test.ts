import { describe, expect, it } from 'vitest';
import { fixUpUrl } from '../src/index.js';

describe('fixUpUrl', () => {
  it.each([
    ['ws://example.com/', 'ws://example.com/'],
    ['wss://example.com:8080/path?q=1', 'wss://example.com:8080/path?q=1'],
    ['WSS://Example.com/', 'wss://Example.com/'],
    ['http://example.com/chat', 'ws://example.com/chat'],
    ['https://example.com/chat', 'wss://example.com/chat'],
    ['HTTPS://example.com', 'wss://example.com'],
    ['example.com', 'wss://example.com'],
    ['example.com:8080/path', 'wss://example.com:8080/path'],
    ['localhost:8000', 'ws://localhost:8000'],
    ['localhost', 'ws://localhost'],
    ['LOCALHOST:8000/echo', 'ws://LOCALHOST:8000/echo'],
    ['127.0.0.1:9000', 'ws://127.0.0.1:9000'],
    ['127.1.2.3/x', 'ws://127.1.2.3/x'],
    ['[::1]:8000', 'ws://[::1]:8000'],
    ['10.0.0.1:8000', 'wss://10.0.0.1:8000'],
    ['localhost.example.com', 'wss://localhost.example.com'],
    ['  ws://example.com/  ', 'ws://example.com/'],
    ['wss://example.com/#frag', 'wss://example.com/'],
    ['wss://bücher.example/', 'wss://bücher.example/'],
    ['my_server.local:8080', 'wss://my_server.local:8080'],
    ['wss://[2001:db8::1]:443/', 'wss://[2001:db8::1]:443/'],
  ])('turns %j into %j', (input, expected) => {
    expect(fixUpUrl(input)).toEqual({ ok: true, url: expected });
  });

  it.each([
    [''],
    ['   '],
    ['ftp://example.com/'],
    ['file:///etc/passwd'],
    ['javascript://alert(1)'],
    ['ws://'],
    ['wss://'],
    ['http://'],
    ['example.com:99999'],
    ['ws://exa mple.com/'],
    ['localhost:port'],
    ['#'],
    ['not a websocket url'],
    ['ws://a%20b/'],
    ['wss://exa<mple.com/'],
    ['wss://..'],
  ])('rejects %j as an invalid URL', (input) => {
    expect(fixUpUrl(input)).toEqual({ ok: false, reason: 'invalid URL' });
  });
});

describe('fixUpUrl on a host of millions of labels', () => {
  it('answers without overflowing the regular expression stack', () => {
    // 3.4 million labels: one regular expression over the whole host name threw a RangeError here.
    const host = `${'a.'.repeat(3_400_000)}b`;
    expect(fixUpUrl(`ws://${host}/`)).toEqual({ ok: true, url: `ws://${host}/` });
    expect(fixUpUrl(`ws://${host}..b/`)).toEqual({ ok: false, reason: 'invalid URL' });
  });
});
