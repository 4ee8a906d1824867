import { describe, expect, it } from 'vitest';
import { proseToHtml, unwrapProse } from '../src/index.js';
import { proseToMarkdown } from '../src/prose.js';

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

describe('unwrapProse', () => {
  it.each([
    { markdown: 'One line.', unwrapped: 'One line.' },
    { markdown: 'Wrapped\nin YAML.\n', unwrapped: 'Wrapped in YAML.' },
    { markdown: '  Indented\n  lines.  ', unwrapped: 'Indented lines.' },
    { markdown: 'First,\nwrapped.\n\nSecond.\n\n\nThird.', unwrapped: 'First, wrapped.\n\nSecond.\n\nThird.' },
    { markdown: 'Keeps `code` and <b>markup</b> as written.', unwrapped: 'Keeps `code` and <b>markup</b> as written.' },
    { markdown: '', unwrapped: '' },
  ])('puts each paragraph of $markdown on one line', ({ markdown, unwrapped }) => {
    expect(unwrapProse(markdown)).toBe(unwrapped);
  });

  it('keeps each row of a table on its own line, and joins the paragraph around it', () => {
    const markdown = 'Values:\nby state.\n\n| state | code |\n|---|---|\n| open | `0` |\n\nAfter.';
    expect(unwrapProse(markdown)).toBe('Values: by state.\n\n| state | code |\n|---|---|\n| open | `0` |\n\nAfter.');
  });
});

describe('examples drawn as blocks (a ```scratch fence)', () => {
  const prose = 'Two servers:\n\n```scratch\nwhen flag clicked\nuse connection [game] :: #307eff\n\nwhen message received :: hat #307eff\nsay (received message data) <b>\n```\n\nThen `say` shows it.';

  it('becomes a pre.blocks element with its lines and blank lines, escaped, between paragraphs', () => {
    expect(proseToHtml(prose)).toBe(
      '<p>Two servers:</p>\n<pre class="blocks">when flag clicked\nuse connection [game] :: #307eff\n\nwhen message received :: hat #307eff\nsay (received message data) &lt;b&gt;</pre>\n<p>Then <code>say</code> shows it.</p>',
    );
  });

  it('stays a fence, unescaped and line by line, in Markdown, while the prose around it is escaped', () => {
    expect(proseToMarkdown('A <b> [link].\n\n```scratch\nsay [hi] <b>\n```')).toBe('A \\<b\\> \\[link\\].\n\n```scratch\nsay [hi] <b>\n```');
  });

  it('keeps its lines when the paragraphs around it are unwrapped for the gallery', () => {
    expect(unwrapProse('First,\nwrapped.\n```scratch\nwhen flag clicked\n\nsay [hi]\n```\nLast.')).toBe(
      'First, wrapped.\n\n```scratch\nwhen flag clicked\n\nsay [hi]\n```\n\nLast.',
    );
  });

  it('runs to the end of the prose when it is never closed', () => {
    expect(proseToHtml('Look:\n```scratch\nsay [hi]')).toBe('<p>Look:</p>\n<pre class="blocks">say [hi]</pre>');
  });

  it('cannot end the page element early: a closing tag inside is text', () => {
    expect(proseToHtml('```scratch\n</pre><script>x()</script>\n```')).toBe('<pre class="blocks">&lt;/pre&gt;&lt;script&gt;x()&lt;/script&gt;</pre>');
  });
});
