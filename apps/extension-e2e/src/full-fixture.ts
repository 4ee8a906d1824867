import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem, generate, REPO_ROOT, type GenerateContext, type SourceText } from '@scratch-websocket/codegen';
import { bundle, galleryHeader, wrapScript } from '../../extension/build';

const FIXTURES = 'tools/codegen/test/fixtures';
const ENTRY = resolve(REPO_ROOT, 'apps/extension-e2e/fixtures/full-extension/main.ts');
const TMP = resolve(REPO_ROOT, 'apps/extension-e2e/tmp');

/** The id of the full fixture's extension (`extension.id` in full.yaml). */
export const FULL_FIXTURE_ID = 'fullSocket';

function sourceText(path: string): SourceText {
  return { path, displayPath: path, text: readFileSync(resolve(REPO_ROOT, path), 'utf8') };
}

/** What the generator is given for the full fixture, as its golden test gives it (with the Japanese texts). */
function fullFixtureContext(): GenerateContext {
  return {
    spec: sourceText(`${FIXTURES}/full.yaml`),
    runtime: sourceText(`${FIXTURES}/runtime/runtime.ts`),
    host: sourceText(`${FIXTURES}/runtime/host.ts`),
    runtimeModules: [],
    // No menu of the full fixture mirrors a runtime list.
    runtimeExports: { displayPath: `${FIXTURES}/runtime`, values: {} },
    translations: [sourceText(`${FIXTURES}/l10n/ja.yaml`)],
    existingTests: new Set(),
    outputs: {
      extension: 'generated/extension.ts',
      translations: 'generated/translations.ts',
      docsMarkdown: 'docs/websocket.md',
      docsHtml: 'docs/websocket.html',
      docsGalleryMarkdown: 'docs/gallery/ws.md',
      blockTests: 'blocks',
      galleryPieces: 'generated/pieces',
      docsGalleryPieces: 'docs/gallery/pieces',
    },
  };
}

/**
 * The generator's full fixture (tools/codegen/test/fixtures/full.yaml: menus, a field in a
 * hat, a dynamic menu, labels, a hidden block, Japanese texts) as one script TurboWarp loads
 * unsandboxed, built as apps/extension/build.ts builds the real extension: generated freshly
 * (so an emitter change shows here at once), bundled by the same esbuild settings beside the
 * entry fixtures/full-extension/main.ts and the fixture runtime, wrapped in the same header.
 * The entry hands the fixture runtime the real TurboWarp host adapter of @scratch-websocket/runtime.
 * Throws with the generator's located problems if the fixture does not generate.
 */
export async function buildFullFixtureScript(): Promise<string> {
  const result = generate(fullFixtureContext());
  if (!result.ok) throw new Error(`the full fixture does not generate:\n${result.problems.map(formatProblem).join('\n')}`);
  // Inside the repository (tmp/ is git-ignored) so that the entry's package imports resolve.
  mkdirSync(TMP, { recursive: true });
  const folder = mkdtempSync(join(TMP, 'full-fixture-'));
  try {
    for (const file of result.files) {
      if (!file.path.startsWith('generated/')) continue;
      mkdirSync(join(folder, 'generated'), { recursive: true });
      writeFileSync(join(folder, file.path), file.text);
    }
    mkdirSync(join(folder, 'runtime'));
    for (const name of ['runtime.ts', 'host.ts']) copyFileSync(resolve(REPO_ROOT, FIXTURES, 'runtime', name), join(folder, 'runtime', name));
    copyFileSync(ENTRY, join(folder, 'main.ts'));
    const { id, name, description, by, original, license } = result.model.extension;
    return wrapScript(galleryHeader({ id, name, description, by, original, license }), await bundle(join(folder, 'main.ts'), 'es2019'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
