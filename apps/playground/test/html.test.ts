import { describe, expect, it } from 'vitest';
import { renderDemoPage } from '../src/demo-page.js';
import { renderHomePage } from '../src/home-page.js';
import { pageHead } from '../src/html.js';
import { playgroundUrls } from '../src/urls.js';

/** A page's `<head>` element, as rendered. */
const headOf = (page: string): string => page.slice(page.indexOf('<head>'), page.indexOf('</head>') + '</head>'.length);

describe('pageHead', () => {
  it('escapes the title and puts a page’s own rules after the shared style', () => {
    const head = pageHead('a <b> & "c"', '#stage { width: 1px; }');
    expect(head).toContain('<title>a &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(head).toMatch(/<style>\n {2}body \{[^<]*#stage \{ width: 1px; \}<\/style>/);
  });

  it('gives the home page and the demo page one head, differing only in title and the demo’s stage rule', () => {
    const home = headOf(renderHomePage(playgroundUrls(8000)));
    const demo = headOf(renderDemoPage());
    expect(home).toBe(pageHead('scratch-websocket playground'));
    expect(demo.startsWith(pageHead('scratch-websocket demo').replace('</style>\n</head>', ''))).toBe(true);
    expect(demo).toContain('#stage { width: 480px; height: 360px;');
  });
});
