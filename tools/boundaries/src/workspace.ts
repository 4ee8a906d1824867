import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { ProjectInfo, SourceFile } from './check';

const PROJECT_FOLDERS = ['apps', 'libs', 'tools'];
const SKIPPED = new Set(['node_modules', 'dist', '.nx', 'test-artifacts']);
/** Where a package.json declares what it needs. */
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Every Nx project of the workspace (a folder of apps/, libs/ or tools/ with a project.json):
 * its name and tags from project.json, its package name and declared dependencies from the
 * package.json beside it, if any.
 */
export function readProjects(workspaceRoot: string): ProjectInfo[] {
  const projects: ProjectInfo[] = [];
  for (const folder of PROJECT_FOLDERS) {
    const dir = path.join(workspaceRoot, folder);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const projectJson = path.join(dir, entry.name, 'project.json');
      if (!entry.isDirectory() || !fs.existsSync(projectJson)) continue;
      const project = readJson(projectJson);
      const packageJsonFile = path.join(dir, entry.name, 'package.json');
      const packageJson = fs.existsSync(packageJsonFile) ? readJson(packageJsonFile) : {};
      projects.push({
        name: project.name,
        root: `${folder}/${entry.name}`,
        packageName: packageJson.name,
        tags: project.tags ?? [],
        declared: DEPENDENCY_FIELDS.flatMap((field) => Object.keys(packageJson[field] ?? {})),
      });
    }
  }
  return projects;
}

function walk(dir: string, found: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else if (/\.(c|m)?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
  }
}

/** The TypeScript sources of `projects`, with the module specifiers each one imports. */
export function readSources(workspaceRoot: string, projects: readonly ProjectInfo[]): SourceFile[] {
  const files: string[] = [];
  for (const project of projects) walk(path.join(workspaceRoot, project.root), files);
  return files.map((file) => {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    return {
      file: path.relative(workspaceRoot, file).split(path.sep).join('/'),
      imports: [...info.importedFiles, ...info.referencedFiles].map((ref) => ref.fileName),
    };
  });
}
