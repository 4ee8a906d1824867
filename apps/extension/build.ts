/**
 * Builds dist/websocket.js: one plain script for TurboWarp, `(function (Scratch) { ... })(Scratch);`
 * with no import or export, under the gallery's metadata header. The header comes from the
 * spec through the generated EXTENSION_METADATA, so it has one source.
 * Run: `NX_TUI=false npx nx run extension:build` (or `tsx apps/extension/build.ts`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { EXTENSION_METADATA } from './src/generated/extension';

const ENTRY = fileURLToPath(new URL('./src/main.ts', import.meta.url));
export const OUTPUT = fileURLToPath(new URL('./dist/websocket.js', import.meta.url));

/** The comment lines the TurboWarp extension gallery reads at the top of a script. */
export function galleryHeader(metadata: typeof EXTENSION_METADATA): string {
  return [
    `// Name: ${metadata.name}`,
    `// ID: ${metadata.id}`,
    `// Description: ${metadata.description}`,
    `// By: ${metadata.by}`,
    `// License: ${metadata.license}`,
  ].join('\n');
}

/**
 * TurboWarp runs an unsandboxed extension as a classic script with `Scratch` in scope, so
 * the bundle is wrapped in a function that takes it, like the gallery's own extensions.
 */
export function wrapScript(header: string, body: string): string {
  return `${header}\n\n(function (Scratch) {\n  "use strict";\n\n${body.trimEnd()}\n})(Scratch);\n`;
}

/** Bundles src/main.ts (and the runtime, from source) into the script's text. */
export async function bundleExtension(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    // An ES module bundle with no exports is plain statements, ready to be wrapped.
    format: 'esm',
    platform: 'browser',
    // The runtime's package export for its TypeScript sources (libs/runtime/package.json).
    conditions: ['@scratch-websocket/source'],
    target: 'es2019',
    minify: false,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild produced no output for src/main.ts');
  return wrapScript(galleryHeader(EXTENSION_METADATA), output.text);
}

async function main(): Promise<void> {
  const script = await bundleExtension();
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, script);
  process.stdout.write(`built ${OUTPUT} (${Buffer.byteLength(script)} bytes)\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
