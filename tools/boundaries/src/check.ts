import path from 'node:path';
import { ALLOWED_IMPORTS } from './rules';

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
  file: string;
  specifier: string;
  message: string;
}

/** One import of `file` (in project `from`) into another project `to`: what is wrong with it, if anything. */
type ImportRule = (from: ProjectInfo, to: ProjectInfo, file: string) => string | undefined;

function typeTag(project: ProjectInfo): string | undefined {
  return project.tags.find((tag) => tag.startsWith('type:'));
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
  const fromType = typeTag(from) ?? '(untagged)';
  const toType = typeTag(to) ?? '(untagged)';
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

const IMPORT_RULES: readonly ImportRule[] = [withinTypeBoundary, declaredInPackageJson];

/**
 * Every import that crosses a project boundary wrongly: one its projects' type tags forbid
 * (rules.ts), or one of a workspace package that the importing package.json does not declare.
 * A project without a `type:` tag is itself a violation. `projects` as readProjects gives them,
 * `files` as readSources gives them; imports of npm packages and within a project are never
 * violations. One violation per import and broken rule, in file order.
 */
export function findViolations(projects: readonly ProjectInfo[], files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const source of files) {
    const from = owner(projects, source.file);
    if (!from) continue;
    if (!typeTag(from)) {
      violations.push({ file: source.file, specifier: '', message: `project '${from.name}' has no type: tag` });
      continue;
    }
    for (const specifier of source.imports) {
      const to = importedProject(projects, source.file, specifier);
      if (!to || to === from) continue;
      for (const rule of IMPORT_RULES) {
        const message = rule(from, to, source.file);
        if (message !== undefined) violations.push({ file: source.file, specifier, message });
      }
    }
  }
  return violations;
}
