/**
 * Bundles the extension with Rollup, not esbuild. The gallery's maintainers edit `ws.js` by
 * hand after it is merged, so it must read like source: esbuild (0.28) turns every
 * top-level `const` into `var`, writes `undefined` as `void 0`, marks calls `/* @__PURE__ *\/`,
 * heads each module with a `// path/to/file.ts` comment and has no setting for any of these.
 * Rollup, given each file as TypeScript's own `transpileModule` emits it, keeps `const`/`let`,
 * `undefined` and the source's comments, adds none of its own, and drops what no block reaches.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { rollup, type Plugin } from 'rollup';
import ts from 'typescript';
import { galleryComments } from './gallery-comments';

/** The package export condition under which the runtime exports its TypeScript sources. */
const SOURCE_CONDITION = '@scratch-websocket/source';

/**
 * A module the browser builds load in place of the one at that path: `platform.ts`'s flag
 * that keeps Node's and the tests' paths (libs/runtime/src/platform.ts says which).
 */
export const BROWSER_MODULES: Readonly<Record<string, string>> = {
  'platform.ts': 'export const NODE_AND_TESTS = false;\n',
};

const require = createRequire(import.meta.url);

/** Where `@scratch-websocket/<name>` keeps its TypeScript sources (its package.json's source export). */
function sourceEntry(specifier: string): string | null {
  if (!specifier.startsWith('@scratch-websocket/')) return null;
  const manifest = require.resolve(`${specifier}/package.json`);
  const exported = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, Record<string, unknown>> }).exports?.['.'];
  const entry = exported?.[SOURCE_CONDITION];
  return typeof entry === 'string' ? resolve(dirname(manifest), entry) : null;
}

/** `./x.js` (as the runtime's ESM sources write imports) or `./x` → the `.ts` file beside the importer. */
function relativeSource(specifier: string, importer: string): string | null {
  const base = resolve(dirname(importer), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, base]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Resolves and transpiles our TypeScript, file by file, for `target` (`ES2022`); for the gallery, with its comments (gallery-comments.ts). */
function typescriptSources(target: ts.ScriptTarget, forGallery: boolean, replace: Readonly<Record<string, string>>): Plugin {
  return {
    name: 'scratch-websocket-typescript',
    resolveId(specifier, importer) {
      if (importer === undefined) return resolve(specifier);
      if (specifier.startsWith('.')) {
        const found = relativeSource(specifier, importer);
        return found === null ? null : (replace[found] ?? found);
      }
      return sourceEntry(specifier);
    },
    load(id) {
      const browserModule = Object.entries(BROWSER_MODULES).find(([file]) => id.endsWith(`/libs/runtime/src/${file}`));
      return browserModule === undefined ? null : browserModule[1];
    },
    transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const output = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          target,
          module: ts.ModuleKind.ESNext,
          // Fields as ES2022 defines them, so the output's class fields are the source's.
          useDefineForClassFields: true,
          isolatedModules: true,
          sourceMap: false,
        },
        transformers: { after: [withoutBareFields] },
      });
      return { code: forGallery ? galleryComments(output.outputText, id).code : output.outputText, map: null };
    },
  };
}

/**
 * Drops the class field declarations that have no value (`host;`): TypeScript writes one for
 * every constructor parameter property and every field declared only for its type, and the
 * constructor assigns each of them anyway, so in JavaScript they only repeat a name.
 */
const withoutBareFields: ts.TransformerFactory<ts.SourceFile> = (context) => {
  const isBare = (member: ts.ClassElement): boolean =>
    ts.isPropertyDeclaration(member) && member.initializer === undefined && !member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
  const visit = (node: ts.Node): ts.Node => {
    const visited = ts.visitEachChild(node, visit, context);
    if (ts.isClassDeclaration(visited)) {
      return context.factory.updateClassDeclaration(visited, visited.modifiers, visited.name, visited.typeParameters, visited.heritageClauses, visited.members.filter((member) => !isBare(member)));
    }
    if (ts.isClassExpression(visited)) {
      return context.factory.updateClassExpression(visited, visited.modifiers, visited.name, visited.typeParameters, visited.heritageClauses, visited.members.filter((member) => !isBare(member)));
    }
    return visited;
  };
  return (file) => ts.visitNode(file, visit) as ts.SourceFile;
};

/**
 * The bundle of `entry` as plain statements (no import or export), ready for `wrapScript`,
 * for the gallery (`forGallery`, the default) or for our own file (`forGallery: false`: our
 * comments as they are, for `target` ES2019). `replace` maps a source file to the one to
 * bundle in its place (a gallery piece's generated extension for the full one).
 * Throws with Rollup's message when something does not resolve; when Rollup had to rename
 * a top-level name that two files share (`Foo$1`: give one of them another name at its
 * source); and when a comment still names a file of ours (gallery-comments.ts).
 */
export async function rollupBundle(entry: string, { target = ts.ScriptTarget.ES2022, forGallery = true, replace = {} as Readonly<Record<string, string>> } = {}): Promise<string> {
  const warnings: string[] = [];
  const bundle = await rollup({
    input: entry,
    plugins: [typescriptSources(target, forGallery, replace)],
    treeshake: { moduleSideEffects: false },
    onwarn: (warning) => warnings.push(warning.message),
  });
  try {
    const { output } = await bundle.generate({ format: 'es', generatedCode: 'es2015' });
    const [chunk] = output;
    if (warnings.length > 0) throw new Error(`rollup: ${warnings.join('\n')}`);
    const renamed = chunk.code.match(/\b[A-Za-z_]\w*\$\d+\b/g);
    if (renamed !== null) throw new Error(`rollup renamed ${[...new Set(renamed)].join(', ')}: rename one of each pair at its source`);
    const { left } = forGallery ? galleryComments(chunk.code, entry) : { left: [] };
    if (left.length > 0) throw new Error(`comments that still name files the gallery lacks (reword them at their source):\n${left.join('\n')}`);
    return withBlankLines(chunk.code);
  } finally {
    await bundle.close();
  }
}

/**
 * TypeScript's printer drops the source's blank lines. Put one back where a person leaves one:
 * before each doc comment (`/**` opening a line) and after each block that closes a
 * declaration, unless the line before opens a block or is blank already.
 */
export function withBlankLines(code: string): string {
  const lines = code.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    const startsDeclaration = /^\s*\/\*\*/.test(line) || /^\s*(?:(?:export )?(?:async )?function|class|const|let) /.test(line);
    const afterBlock = previous !== undefined && /^\s*}$/.test(previous);
    const afterOpening = previous === undefined || previous.trim() === '' || /[{(\[]$/.test(previous);
    if (!afterOpening && (/^\s*\/\*\*/.test(line) || (afterBlock && startsDeclaration))) out.push('');
    out.push(line);
  }
  return out.join('\n');
}
