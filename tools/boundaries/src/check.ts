import path from 'node:path';
import { ALLOWED_IMPORTS, ALLOWED_SCOPE_IMPORTS, TEST_CODE_SCOPE_IMPORTS } from './rules';

export interface ProjectInfo {
  name: string;
  /** Folder relative to the workspace root, with forward slashes, e.g. `libs/runtime`. */
  root: string;
  /** The npm name other projects import it by, when it has one. */
  packageName?: string;
  tags: readonly string[];
  /** The package names its package.json lists in dependencies, devDependencies, peerDependencies or optionalDependencies. */
  declared: readonly string[];
}

export interface SourceFile {
  /** Path relative to the workspace root, with forward slashes. */
  file: string;
  /** Module specifiers it imports, re-exports or references. */
  imports: readonly string[];
}

export interface Violation {
  /** Which rule it breaks: `type` and `scope` tags (rules.ts), `declared` in package.json, or `tags` missing. */
  rule: 'type' | 'scope' | 'declared' | 'tags';
  file: string;
  specifier: string;
  message: string;
}

/** One import of `file` (in project `from`) into another project `to`: what is wrong with it, if anything. */
type ImportRule = (from: ProjectInfo, to: ProjectInfo, file: string) => string | undefined;

function tagOf(project: ProjectInfo, kind: 'type' | 'scope'): string | undefined {
  return project.tags.find((tag) => tag.startsWith(`${kind}:`));
}


function owner(projects: readonly ProjectInfo[], file: string): ProjectInfo | undefined {
  return projects.find((p) => file === p.root || file.startsWith(`${p.root}/`));
}

/** The project an import specifier points into, if it points into the workspace at all. */
function importedProject(projects: readonly ProjectInfo[], from: string, specifier: string): ProjectInfo | undefined {
  if (specifier.startsWith('.')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    return owner(projects, target);
  }
  return projects.find(
    (p) => p.packageName !== undefined && (specifier === p.packageName || specifier.startsWith(`${p.packageName}/`)),
  );
}

/** ALLOWED_IMPORTS: which type of project may import which. */
const withinTypeBoundary: ImportRule = (from, to) => {
  const fromType = tagOf(from, 'type') ?? '(untagged)';
  const toType = tagOf(to, 'type') ?? '(untagged)';
  if ((ALLOWED_IMPORTS[fromType] ?? []).includes(toType)) return undefined;
  return `${from.name} (${fromType}) must not import ${to.name} (${toType})`;
};

/**
 * A package declares every workspace package it imports (by name or by a relative path into
 * it), as it declares npm packages: npm workspaces link every package for every other, so an
 * undeclared import works here and breaks wherever the package is installed on its own, and
 * Nx, which reads package.json, would not order or cache the two correctly.
 */
const declaredInPackageJson: ImportRule = (from, to) => {
  if (to.packageName === undefined) return `${from.name} imports ${to.name}, which has no package.json to declare it by`;
  if (from.declared.includes(to.packageName)) return undefined;
  return `${from.name} imports ${to.packageName}, which ${from.root}/package.json does not declare`;
};

/**
 * ALLOWED_SCOPE_IMPORTS for shipped code (under the project's `src/`); test code (anything
 * else in the project) may also import TEST_CODE_SCOPE_IMPORTS.
 */
const withinScopeBoundary: ImportRule = (from, to, file) => {
  const fromScope = tagOf(from, 'scope') ?? '(unscoped)';
  const toScope = tagOf(to, 'scope') ?? '(unscoped)';
  const shipped = file.startsWith(`${from.root}/src/`);
  const allowed = [...(ALLOWED_SCOPE_IMPORTS[fromScope] ?? []), ...(shipped ? [] : TEST_CODE_SCOPE_IMPORTS)];
  if (allowed.includes(toScope)) return undefined;
  return `${file} is ${shipped ? 'shipped' : 'test'} code of ${from.name} (${fromScope}), which must not import ${to.name} (${toScope})`;
};

const IMPORT_RULES: ReadonlyArray<[Violation['rule'], ImportRule]> = [
  ['type', withinTypeBoundary],
  ['scope', withinScopeBoundary],
  ['declared', declaredInPackageJson],
];

/**
 * Every import that crosses a project boundary wrongly: one its projects' type or scope tags
 * forbid (rules.ts), or one of a workspace package that the importing package.json does not
 * declare. A project without a `type:` or a `scope:` tag is itself a violation (one per
 * missing tag, at its project.json), and its imports are not checked. `projects` as readProjects gives them,
 * `files` as readSources gives them; imports of npm packages and within a project are never
 * violations. One violation per import and broken rule, in file order, after the tag ones.
 */
export function findViolations(projects: readonly ProjectInfo[], files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  const untagged = new Set<ProjectInfo>();
  for (const project of projects) {
    for (const kind of ['type', 'scope'] as const) {
      if (tagOf(project, kind) !== undefined) continue;
      untagged.add(project);
      violations.push({ rule: 'tags', file: `${project.root}/project.json`, specifier: '', message: `project '${project.name}' has no ${kind}: tag` });
    }
  }
  for (const source of files) {
    const from = owner(projects, source.file);
    if (!from || untagged.has(from)) continue;
    for (const specifier of source.imports) {
      const to = importedProject(projects, source.file, specifier);
      if (!to || to === from) continue;
      for (const [rule, check] of IMPORT_RULES) {
        const message = check(from, to, source.file);
        if (message !== undefined) violations.push({ rule, file: source.file, specifier, message });
      }
    }
  }
  return violations;
}
