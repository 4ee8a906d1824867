import { escapeHtml, pageHead } from './html.js';
import { PATHS, type PlaygroundUrls } from './urls.js';

/**
 * The docs' anchor for the spec's section on local network access (the heading's slug, as the
 * generator makes it: tools/codegen/src/anchors.ts).
 */
const LOCAL_NETWORK_SECTION = 'connecting-to-a-program-on-your-own-computer';

/** `/`: what the playground is and every address it offers, for the port it runs on. */
export function renderHomePage(urls: PlaygroundUrls): string {
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
${pageHead('scratch-websocket playground')}
<body>
<h1>scratch-websocket playground</h1>
<p>WebSocket blocks for TurboWarp, served from this computer, with servers to talk to.
The blocks are a drop-in replacement for TurboWarp's gallery extension <em>WebSocket</em>:
projects made with it load and run unchanged.</p>

<p><a class="button" id="open-turbowarp" href="${e(urls.turbowarpEditor)}">Open TurboWarp with the WebSocket blocks</a></p>
<p>TurboWarp loads extensions from <code>http://localhost:8000</code> without asking. On any other
port it asks first, and you must choose to run the extension <em>unsandboxed</em>.</p>
<p id="local-network">turbowarp.org is a public page: before it may connect to this computer
(<code>${e(urls.echo)}</code>), Chrome 147 and later and Firefox 149 and later ask for
<em>local network access</em>. Click Allow in the prompt, or allow it in the site's settings;
otherwise the blocks' <code>error message</code> says <code>local network blocked</code>. See
<a href="${e(urls.docs)}#${LOCAL_NETWORK_SECTION}">Connecting to a program on your own computer</a>.</p>

<h2>Here</h2>
<ul>
  <li><a id="docs" href="${e(urls.docs)}">The blocks</a>: every block, what it does, its edge cases.</li>
  <li><a id="demo" href="${e(urls.demo)}">Demo</a>: a small project that connects to the echo server, sends a message and says the reply. No editor needed.</li>
  <li><a id="extension" href="${e(urls.extension)}">The extension</a>: <code>${e(urls.extension)}</code>, to load in TurboWarp by URL.</li>
</ul>

<h2>Servers for your projects</h2>
<dl>
  <dt><code id="echo-url">${e(urls.echo)}</code></dt>
  <dd>Echo: every message comes straight back as it was sent, text as text, binary as binary.</dd>
  <dt><code id="broadcast-url">${e(urls.broadcast)}</code></dt>
  <dd>Broadcast: every message goes to every <em>other</em> client connected here, so two browser tabs,
  two sprites or two clones can talk to each other.</dd>
</dl>
<p>Try it: these two scripts send <code>Hello!</code> to the echo server and say what comes back.</p>
<pre class="blocks" id="try-it">
when flag clicked
connect to [${e(urls.echo)}] :: #307eff
send message [Hello!] :: #307eff

when message received :: hat #307eff
say (received message data :: #307eff)
</pre>
<script src="${PATHS.scratchblocks}"></script>
<script>scratchblocks.renderMatching('pre.blocks', { style: 'scratch3' });</script>
</body>
</html>
`;
}
