import { DEMO_ERROR_TEXT, DEMO_MESSAGE, ECHO_VARIABLE } from './demo-project.js';
import { pageHead } from './html.js';
import { PATHS } from './urls.js';

/** The stage's frame: TurboWarp's 480×360 stage, in the extension's second colour. */
const STAGE_STYLE = `
  #stage { width: 480px; height: 360px; border: 2px solid #2c5eb0; border-radius: 8px; overflow: hidden; }
`;

/**
 * `/demo`: the demo project running in TurboWarp's scaffolding (the VM and stage without the
 * editor), with our extension loaded unsandboxed, talking to this server's `/echo`.
 *
 * The page reports progress in `#status` and the echoed reply in `#reply`, and sets
 * `data-state` on <body> (`loading`, `running`, `echoed`, `failed`) so a test can wait for it.
 * `window.playgroundDemo` holds the scaffolding for anyone who wants to poke at the VM.
 */
export function renderDemoPage(): string {
  // JSON.stringify, then `<` escaped, is a safe way to put a string into inline script.
  const js = (value: string) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
${pageHead('scratch-websocket demo', STAGE_STYLE)}
<body data-state="loading">
<h1>scratch-websocket demo</h1>
<p>A small project running right here in TurboWarp's player: when the green flag is clicked it
connects to this playground's echo server, sends <code>${DEMO_MESSAGE}</code>, and says whatever
comes back. <a href="${PATHS.home}">Back to the playground</a>.</p>
<div id="stage"></div>
<p>Status: <span id="status">Loading TurboWarp…</span></p>
<p>Echoed reply: <output id="reply"></output></p>
<p><button id="again" type="button" disabled>Run again</button></p>
<script src="${PATHS.scaffolding}"></script>
<script>
(async function runDemo() {
  const status = document.getElementById('status');
  const reply = document.getElementById('reply');
  const again = document.getElementById('again');
  const show = (state, text) => { document.body.dataset.state = state; status.textContent = text; };
  const echoUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + ${js(PATHS.echo)};
  // Only this server may be reached: the demo has no business anywhere else.
  const isThisServer = (url) => { try { return new URL(url).host === location.host; } catch (error) { return false; } };
  try {
    const scaffolding = new Scaffolding.Scaffolding();
    scaffolding.width = 480;
    scaffolding.height = 360;
    scaffolding.setup();
    scaffolding.appendTo(document.getElementById('stage'));
    scaffolding.setExtensionSecurityManager({
      getSandboxMode: () => 'unsandboxed',
      canLoadExtensionFromProject: () => true,
      canFetch: isThisServer,
    });
    window.playgroundDemo = { scaffolding, replies: [] };

    show('loading', 'Loading the WebSocket extension…');
    await scaffolding.vm.extensionManager.loadExtensionURL(location.origin + ${js(PATHS.extension)});

    show('loading', 'Loading the demo project…');
    const response = await fetch(${js(PATHS.demoProject)});
    if (!response.ok) throw new Error('the demo project answered HTTP ' + response.status);
    await scaffolding.loadProject(await response.arrayBuffer());
    scaffolding.setVariable(${js(ECHO_VARIABLE)}, echoUrl);

    scaffolding.vm.runtime.on('SAY', (target, type, text) => {
      if (text === '') return;
      if (text === ${js(DEMO_ERROR_TEXT)}) {
        show('failed', 'The project could not connect to ' + echoUrl + '.');
        return;
      }
      window.playgroundDemo.replies.push(String(text));
      reply.textContent = String(text);
      show('echoed', 'The echo server answered; the sprite says it on the stage.');
    });
    again.addEventListener('click', () => {
      reply.textContent = '';
      show('running', 'Running again: connecting and sending…');
      scaffolding.greenFlag();
    });
    again.disabled = false;

    show('running', 'Connecting to ' + echoUrl + ' and sending a message…');
    scaffolding.start();
  } catch (error) {
    console.error(error);
    show('failed', 'The demo could not start: ' + (error && error.message ? error.message : error));
  }
})();
</script>
</body>
</html>
`;
}
