/**
 * Turns the declarations `tsc` emits for the runtime into two trees that resolve under every
 * `moduleResolution`: `.d.ts` files for `import` (ESM, relative specifiers end in `.js`) and
 * `.d.cts` files for `require` (CommonJS, relative specifiers end in `.cjs`).
 *
 * Why: the sources use Bundler resolution, so they import `./runtime` without an extension.
 * Under `nodenext` an ESM declaration file must spell `./runtime.js`, and a `.d.cts` that
 * pointed at a `.d.ts` would hand `require` consumers ESM types ("masquerading" types).
 * tsc never rewrites extensionless specifiers, so this small pass does.
 */
import path from 'node:path';
import ts from 'typescript';

export type DeclarationFlavour = 'esm' | 'cjs';

/** The extensions one flavour uses: the declaration file's own, and the one its imports spell. */
export const FLAVOURS: Readonly<Record<DeclarationFlavour, { declaration: string; specifier: string }>> = {
  esm: { declaration: '.d.ts', specifier: '.js' },
  cjs: { declaration: '.d.cts', specifier: '.cjs' },
};

const SOURCE_EXTENSION = /\.(?:[cm]?js|[cm]?ts)$/;

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * The specifier a declaration in `fromFile` should use for `specifier`, or the specifier itself
 * when it is a package name. `modules` holds every emitted module as a POSIX path without
 * extension (`index`, `rules/close-code`), relative to the declaration root.
 * A relative specifier that names no emitted module is an error, never passed through:
 * a dangling import in published types would only show up in a user's editor.
 */
export function rewriteSpecifier(
  specifier: string,
  fromFile: string,
  modules: ReadonlySet<string>,
  flavour: DeclarationFlavour,
): string {
  if (!isRelative(specifier)) return specifier;
  const bare = specifier.replace(SOURCE_EXTENSION, '');
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), bare));
  const extension = FLAVOURS[flavour].specifier;
  if (modules.has(target)) return `${bare}${extension}`;
  if (modules.has(path.posix.join(target, 'index'))) return `${bare.replace(/\/$/, '')}/index${extension}`;
  throw new Error(`${fromFile}: '${specifier}' names no emitted declaration (looked for ${target} and ${target}/index)`);
}

/** Every module specifier a declaration file names: imports, re-exports, `import()` types, `require`. */
function specifierLiterals(file: ts.SourceFile): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteralLike(node.moduleSpecifier)) found.push(node.moduleSpecifier);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      if (ts.isStringLiteralLike(node.argument.literal)) found.push(node.argument.literal);
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteralLike(node.expression)) {
      found.push(node.expression);
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteralLike(node.name)) {
      found.push(node.name);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `text` (one declaration file) with every relative module specifier rewritten for `flavour`. */
export function rewriteDeclaration(
  text: string,
  fromFile: string,
  modules: ReadonlySet<string>,
  flavour: DeclarationFlavour,
): string {
  const file = ts.createSourceFile(fromFile, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  // Back to front, so earlier positions stay valid while later ones change length.
  const literals = specifierLiterals(file).sort((a, b) => b.getStart(file) - a.getStart(file));
  let result = text;
  for (const literal of literals) {
    const rewritten = rewriteSpecifier(literal.text, fromFile, modules, flavour);
    if (rewritten === literal.text) continue;
    // Keep the quote character tsc chose; replace only what lies between the quotes.
    const start = literal.getStart(file) + 1;
    const end = literal.getEnd() - 1;
    result = result.slice(0, start) + rewritten + result.slice(end);
  }
  return result;
}
