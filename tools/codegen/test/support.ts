import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { Project, ts } from 'ts-morph';
import type { GenerateContext, SourceText } from '../src/index.js';

/** Paths resolved from this file, so tests run the same from the root or the package. */
export const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export const FIXTURE_OUTPUTS = {
  extension: 'out/extension.ts',
  translations: 'out/translations.ts',
  docsMarkdown: 'out/websocket.md',
  docsHtml: 'out/websocket.html',
  docsGalleryMarkdown: 'out/gallery/ws.md',
  blockTests: 'out/blocks',
  galleryPieces: 'out/pieces',
  docsGalleryPieces: 'out/gallery/pieces',
};

function source(name: string, text?: string): SourceText {
  const path = `tools/codegen/test/fixtures/${name}`;
  return { path, displayPath: path, text: text ?? readFileSync(fixturePath(name), 'utf8') };
}

/** Stands for the runtime's exported values in messages about them. */
export const FIXTURE_EXPORTS_PATH = 'fixture exports';

/**
 * A context over fixture files; `specText`, `runtimeText` and `hostText` replace their contents,
 * `runtimeExports` the runtime's exported values (none by default).
 */
export function fixtureContext(
  specName: string,
  overrides: {
    specText?: string;
    runtimeText?: string;
    hostText?: string;
    runtimeExports?: Record<string, unknown>;
    /** Other runtime source files, by file name: where a facet's class lives. */
    runtimeModules?: Array<{ name: string; text: string }>;
    existingTests?: string[];
    translations?: SourceText[];
  } = {},
): GenerateContext {
  return {
    spec: source(specName, overrides.specText),
    runtime: source('runtime/runtime.ts', overrides.runtimeText),
    host: source('runtime/host.ts', overrides.hostText),
    runtimeModules: (overrides.runtimeModules ?? []).map((module) => source(`runtime/${module.name}`, module.text)),
    runtimeExports: { displayPath: FIXTURE_EXPORTS_PATH, values: overrides.runtimeExports ?? {} },
    translations: overrides.translations ?? [],
    existingTests: new Set(overrides.existingTests ?? []),
    outputs: FIXTURE_OUTPUTS,
  };
}

export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

/**
 * The checked-in expected output. With UPDATE_GOLDEN=1 the actual output is written first,
 * for a deliberate change to the emitters (then review the diff before committing).
 */
export function golden(name: string, actual: string, fixture = 'minimal'): string {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(fixturePath(`${fixture}.expected`), { recursive: true });
    writeFileSync(fixturePath(`${fixture}.expected/${name}.golden`), actual);
  }
  return readFixture(`${fixture}.expected/${name}.golden`);
}

/** A locale file of test/fixtures/l10n as the generator is given it. */
export function localeFixture(locale: string, text?: string): SourceText {
  const path = `tools/codegen/test/fixtures/l10n/${locale}.yaml`;
  return { path, displayPath: path, text: text ?? readFixture(`l10n/${locale}.yaml`) };
}

/** The Scratch API a generated extension is given in these tests: TurboWarp's constant values, English texts. */
export const FAKE_SCRATCH = {
  BlockType: { COMMAND: 'command', REPORTER: 'reporter', BOOLEAN: 'Boolean', EVENT: 'event', HAT: 'hat', LABEL: 'label', BUTTON: 'button' },
  ArgumentType: { STRING: 'string', NUMBER: 'number', BOOLEAN: 'Boolean' },
  Cast: { toString: String, toNumber: Number, toBoolean: Boolean },
  translate: (message: string) => message,
};

export interface LoadedExtension {
  getInfo(): { name: string; docsURI: string; blocks: Array<string | Record<string, unknown>> };
}

/**
 * Runs a generated extension source the way the bundle would: transpiled to JavaScript and
 * evaluated in a fresh VM context whose globals are only `sandbox` and a `Scratch` with `translate` (so code smuggled into the
 * output shows up there), then constructed with FAKE_SCRATCH and `runtime` (by default a stub without methods).
 * Throws on a syntax error in the source, with TypeScript's message.
 */
export function loadExtension(source: string, sandbox: Record<string, unknown> = {}, runtime: object = {}): LoadedExtension {
  const output = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const syntax = output.diagnostics ?? [];
  if (syntax.length > 0) throw new Error(`generated source does not parse: ${syntax.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
  const module = { exports: {} as Record<string, unknown> };
  // The sandbox object itself becomes the global object, so what the code sets there is seen.
  // The texts call the ambient `Scratch.translate` by name, as the built script does.
  runInNewContext(output.outputText, Object.assign(sandbox, { module, exports: module.exports, Scratch: { translate: FAKE_SCRATCH.translate } }));
  const Extension = module.exports.WebSocketExtension as new (scratch: unknown, runtime: unknown) => LoadedExtension;
  return new Extension(FAKE_SCRATCH, runtime);
}

const SCRATCH_API = readFileSync(fileURLToPath(new URL('../../../apps/extension/src/scratch-api.ts', import.meta.url)), 'utf8');
const TYPE_CHECK_ROOT = fileURLToPath(new URL('./.type-check/', import.meta.url));

/**
 * Type-checks generated extensions as apps/extension compiles them: each beside the real
 * ScratchApi, with `files` (its runtime, as `runtime.ts` exporting WebSocketRuntime and
 * HatOpcodes, and what that imports) standing in for @scratch-websocket/runtime. All in one
 * program (one checker start). The files live in memory only, at paths under this folder so
 * that TurboWarp's types resolve from node_modules. Returns the formatted errors.
 */
export function typeCheckGenerated(runs: Array<{ extension: string; files: Record<string, string> }>): string[] {
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    compilerOptions: { target: 99, module: 99, moduleResolution: 100, strict: true, noUncheckedIndexedAccess: true, skipLibCheck: true, types: [], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] },
  });
  // One ScratchApi for all runs: its global augmentation may be declared once only.
  project.createSourceFile(`${TYPE_CHECK_ROOT}scratch-api.ts`, SCRATCH_API);
  runs.forEach((run, index) => {
    const folder = `${TYPE_CHECK_ROOT}run${index}`;
    for (const [name, text] of Object.entries(run.files)) project.createSourceFile(`${folder}/${name}`, text);
    const extension = run.extension.replaceAll("from '@scratch-websocket/runtime'", "from '../runtime'").replace("from '../scratch-api'", "from '../../scratch-api'");
    project.createSourceFile(`${folder}/generated/extension.ts`, extension);
  });
  return project.getPreEmitDiagnostics().map((diagnostic) => project.formatDiagnosticsWithColorAndContext([diagnostic]));
}
