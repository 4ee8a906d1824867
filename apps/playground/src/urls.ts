/**
 * Every address the playground tells people about, built from the port it actually listens
 * on. They use `localhost` rather than 127.0.0.1 because TurboWarp treats
 * `http://localhost:8000` as trusted and loads extensions from it unsandboxed.
 */
export interface PlaygroundUrls {
  home: string;
  extension: string;
  docs: string;
  demo: string;
  echo: string;
  broadcast: string;
  /** Opens the online TurboWarp editor with our extension already loaded. */
  turbowarpEditor: string;
}

export function playgroundUrls(port: number, hostname = 'localhost'): PlaygroundUrls {
  const http = `http://${hostname}:${port}`;
  const ws = `ws://${hostname}:${port}`;
  const extension = `${http}${PATHS.extension}`;
  return {
    home: `${http}/`,
    extension,
    docs: `${http}${PATHS.docs}`,
    demo: `${http}${PATHS.demo}`,
    echo: `${ws}${PATHS.echo}`,
    broadcast: `${ws}${PATHS.broadcast}`,
    // Written out like TurboWarp's own examples (not percent-encoded): `:` and `/` are
    // allowed in a query string, and the link stays readable when copied.
    turbowarpEditor: `https://turbowarp.org/editor?extension=${extension}`,
  };
}

/** The paths the server answers, in one place so pages, routes and tests agree. */
export const PATHS = {
  home: '/',
  extension: '/websocket.js',
  docs: '/docs',
  demo: '/demo',
  demoProject: '/demo/project.sb3',
  scratchblocks: '/vendor/scratchblocks.min.js',
  scaffolding: '/vendor/scaffolding-min.js',
  favicon: '/favicon.ico',
  echo: '/echo',
  broadcast: '/broadcast',
} as const;
