import path from 'node:path';
import { ALLOWED_IMPORTS } from './rules';

export interface ProjectInfo {
  name: string;
  /** Folder relative to the workspace root, with forward slashes, e.g. `libs/runtime`. */
  root: string;
  /** The npm name other projects import it by, when it has one. */
  packageName?: string;
  tags: readonly string[];
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

/** Every import that crosses a boundary its project's type tag forbids. */
export function findViolations(projects: readonly ProjectInfo[], files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const source of files) {
    const from = owner(projects, source.file);
    if (!from) continue;
    const fromType = typeTag(from);
    if (!fromType) {
      violations.push({ file: source.file, specifier: '', message: `project '${from.name}' has no type: tag` });
      continue;
    }
    const allowed = ALLOWED_IMPORTS[fromType] ?? [];
    for (const specifier of source.imports) {
      const to = importedProject(projects, source.file, specifier);
      if (!to || to === from) continue;
      const toType = typeTag(to) ?? '(untagged)';
      if (!allowed.includes(toType)) {
        violations.push({
          file: source.file,
          specifier,
          message: `${from.name} (${fromType}) must not import ${to.name} (${toType})`,
        });
      }
    }
  }
  return violations;
}
