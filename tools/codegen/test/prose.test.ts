import { describe, expect, it } from 'vitest';
import { proseToHtml } from '../src/index.js';

describe('proseToHtml', () => {
  it.each([
    { markdown: 'One line.', html: '<p>One line.</p>' },
    { markdown: 'Wrapped\nin YAML.\n', html: '<p>Wrapped in YAML.</p>' },
    { markdown: 'First.\n\nSecond.\n\n\nThird.', html: '<p>First.</p>\n<p>Second.</p>\n<p>Third.</p>' },
    { markdown: 'Use `ws://localhost`.', html: '<p>Use <code>ws://localhost</code>.</p>' },
    { markdown: '<script>alert("x")</script> & \'q\'', html: '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>' },
    { markdown: '`<b>` stays text', html: '<p><code>&lt;b&gt;</code> stays text</p>' },
    { markdown: '', html: '' },
    {
      markdown: 'Before.\n\n| a | `b` |\n|---|---|\n| 1 < 2 | `x` |\n\nAfter.',
      html: '<p>Before.</p>\n<table>\n<thead><tr><th>a</th><th><code>b</code></th></tr></thead>\n<tbody>\n<tr><td>1 &lt; 2</td><td><code>x</code></td></tr>\n</tbody>\n</table>\n<p>After.</p>',
    },
    { markdown: '| not a table |', html: '<p>| not a table |</p>' },
  ])('renders $markdown', ({ markdown, html }) => {
    expect(proseToHtml(markdown)).toBe(html);
  });
});
