import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GenerateContext, SourceText } from '../src/index.js';

/** Paths resolved from this file, so tests run the same from the root or the package. */
export const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export const FIXTURE_OUTPUTS = {
  extension: 'out/extension.ts',
  docsMarkdown: 'out/websocket.md',
  docsHtml: 'out/websocket.html',
  docsGalleryMarkdown: 'out/gallery/ws.md',
  blockTests: 'out/blocks',
};

function source(name: string, text?: string): SourceText {
  const path = `tools/codegen/test/fixtures/${name}`;
  return { path, displayPath: path, text: text ?? readFileSync(fixturePath(name), 'utf8') };
}

/** A context over fixture files; `specText`, `runtimeText` and `hostText` replace their contents. */
export function fixtureContext(
  specName: string,
  overrides: { specText?: string; runtimeText?: string; hostText?: string; existingTests?: string[] } = {},
): GenerateContext {
  return {
    spec: source(specName, overrides.specText),
    runtime: source('runtime/runtime.ts', overrides.runtimeText),
    host: source('runtime/host.ts', overrides.hostText),
    existingTests: new Set(overrides.existingTests ?? []),
    outputs: FIXTURE_OUTPUTS,
  };
}

export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

/**
 * The checked-in expected output. With UPDATE_GOLDEN=1 the actual output is written first,
 * for a deliberate change to the emitters (then review the diff before committing).
 */
export function golden(name: string, actual: string, folder = 'minimal.expected'): string {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(fixturePath(folder), { recursive: true });
    writeFileSync(fixturePath(`${folder}/${name}.golden`), actual);
  }
  return readFixture(`${folder}/${name}.golden`);
}
