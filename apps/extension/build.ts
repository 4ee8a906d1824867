/**
 * Builds the extension, two flavours of one plain script for TurboWarp,
 * `(function (Scratch) { ... })(Scratch);` with no import or export, under the gallery's
 * metadata header:
 * - dist/websocket.js, the standalone file (entry src/main.ts);
 * - dist/gallery/ws.js, the file for TurboWarp's extension gallery (entry src/gallery.ts), and
 *   dist/gallery/pieces/<NN-id>/ws.js, the same for each piece the gallery is sent in:
 *   ES2022 (class fields as written, no helpers), formatted by prettier with the gallery's
 *   settings (gallery.prettierrc.json), so the gallery's own checks pass on it.
 * The header comes from the spec through the generated EXTENSION_METADATA, so it has one source.
 * Run: `NX_TUI=false npx nx run extension:build` (or `tsx apps/extension/build.ts`).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';
import { EXTENSION_METADATA } from './src/generated/extension';
import { rollupBundle } from './rollup-bundle';

const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

const ENTRY = path('./src/main.ts');
const GALLERY_ENTRY = path('./src/gallery.ts');
export const OUTPUT = path('./dist/websocket.js');
export const GALLERY_OUTPUT = path('./dist/gallery/ws.js');
const GENERATED_EXTENSION = path('./src/generated/extension.ts');
const PIECES = path('./src/generated/pieces');

/** The gallery pieces the generator wrote (`01-gallery`, …), in the order they are sent. */
export function galleryPieces(): string[] {
  return existsSync(PIECES) ? readdirSync(PIECES).filter((file) => file.endsWith('.ts')).map((file) => file.slice(0, -3)).sort() : [];
}

/** Where a gallery piece's ws.js is built. */
export const galleryPieceOutput = (piece: string): string => path(`./dist/gallery/pieces/${piece}/ws.js`);
/** Our copy of the prettier settings TurboWarp's gallery checks its files with. */
export const GALLERY_PRETTIER_CONFIG = path('./gallery.prettierrc.json');

/**
 * The comment lines the TurboWarp extension gallery reads at the top of a script. `Original`
 * credits the author of the blocks these replace, as the gallery does.
 */
export function galleryHeader(metadata: Readonly<Record<keyof typeof EXTENSION_METADATA, string>>): string {
  return [
    `// Name: ${metadata.name}`,
    `// ID: ${metadata.id}`,
    `// Description: ${metadata.description}`,
    `// By: ${metadata.by}`,
    ...(metadata.original === '' ? [] : [`// Original: ${metadata.original}`]),
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

/**
 * Bundles an entry (and the runtime, from source) into the body of a script for `wrapScript`:
 * plain statements, no import or export, for `target` (`es2019` or `es2022`), with our
 * comments as they are (rollup-bundle.ts). Throws with Rollup's message when the entry or
 * what it imports does not build. Also used by apps/extension-e2e to build the generator's
 * full fixture the way the real extension is built.
 */
export function bundle(entry: string, target: 'es2019' | 'es2022'): Promise<string> {
  return rollupBundle(entry, { target: target === 'es2019' ? ts.ScriptTarget.ES2019 : ts.ScriptTarget.ES2022, forGallery: false });
}

/** The text of dist/websocket.js. */
export async function bundleExtension(): Promise<string> {
  return wrapScript(galleryHeader(EXTENSION_METADATA), await bundle(ENTRY, 'es2019'));
}

/**
 * The text of dist/gallery/ws.js, or with `piece` (a slug such as `01-gallery`) of that gallery
 * piece's ws.js: the same entry with the piece's generated extension in place of the full one.
 * ES2022 is what the gallery's lint parses and what its type check reads with class fields as
 * written; prettier gives the gallery's format.
 */
export async function bundleGalleryExtension(piece?: string): Promise<string> {
  const replace = piece === undefined ? {} : { [GENERATED_EXTENSION]: path(`./src/generated/pieces/${piece}.ts`) };
  const script = wrapScript(galleryHeader(EXTENSION_METADATA), await rollupBundle(GALLERY_ENTRY, { replace }));
  return prettier.format(script, { ...(await galleryPrettierOptions()), parser: 'babel' });
}

/** The gallery's prettier settings, read from our copy of them. */
export async function galleryPrettierOptions(): Promise<prettier.Options> {
  const options = await prettier.resolveConfig(GALLERY_OUTPUT, { config: GALLERY_PRETTIER_CONFIG, editorconfig: false });
  if (options === null) throw new Error(`no prettier settings in ${GALLERY_PRETTIER_CONFIG}`);
  return options;
}

function write(file: string, script: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, script);
  process.stdout.write(`built ${file} (${Buffer.byteLength(script)} bytes)\n`);
}

async function main(): Promise<void> {
  write(OUTPUT, await bundleExtension());
  write(GALLERY_OUTPUT, await bundleGalleryExtension());
  for (const piece of galleryPieces()) write(galleryPieceOutput(piece), await bundleGalleryExtension(piece));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
