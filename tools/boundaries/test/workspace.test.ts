import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findViolations, readProjects, readSources } from '../src/index';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('this workspace', () => {
  const projects = readProjects(workspaceRoot);

  it('tags every project with one type and one scope', () => {
    expect(projects.map((p) => p.name)).toContain('runtime');
    for (const project of projects) {
      expect(project.tags.filter((t) => t.startsWith('type:')), project.name).toHaveLength(1);
      expect(project.tags.filter((t) => t.startsWith('scope:')), project.name).toHaveLength(1);
    }
  });

  it("reads each project's declared dependencies from its package.json", () => {
    const playground = projects.find((p) => p.name === 'playground');
    expect(playground?.declared).toEqual(expect.arrayContaining(['@scratch-websocket/codegen', '@scratch-websocket/test-support']));
  });

  it('keeps every import within the boundaries its tags allow', () => {
    expect(findViolations(projects, readSources(workspaceRoot, projects))).toEqual([]);
  });
});
