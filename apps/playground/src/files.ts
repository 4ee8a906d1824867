import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the served files live in this repository. The server takes them as options, so tests
 * can point it at stand-ins; `main.ts` passes these.
 */
export interface PlaygroundFiles {
  /** The built extension: `NX_TUI=false npx nx run extension:build`. */
  extensionFile: string;
  /** The generated documentation page: `npm run generate`. */
  docsFile: string;
  /** scratchblocks, which the docs page loads from `/vendor/scratchblocks.min.js` (no CDN). */
  scratchblocksFile: string;
  /** TurboWarp's scaffolding (the whole VM for a page), which the demo page runs. */
  scaffoldingFile: string;
}

const require = createRequire(import.meta.url);

export function defaultFiles(): PlaygroundFiles {
  return {
    extensionFile: fileURLToPath(new URL('../../extension/dist/websocket.js', import.meta.url)),
    docsFile: fileURLToPath(new URL('../../docs/generated/websocket.html', import.meta.url)),
    scratchblocksFile: packageFile('@turbowarp/scratchblocks', 'build/scratchblocks.min.js'),
    scaffoldingFile: packageFile('@turbowarp/packager', 'dist/scaffolding/scaffolding-min.js'),
  };
}

/**
 * Resolves through the package's package.json, which both packages export, because neither
 * lists these build files in its `exports` map.
 */
function packageFile(packageName: string, relativePath: string): string {
  const manifest = require.resolve(`${packageName}/package.json`);
  return join(dirname(manifest), relativePath);
}
