import { describe, expect, it } from 'vitest';
import { findViolations, type ProjectInfo } from '../src/index';

const projects: ProjectInfo[] = [
  { name: 'runtime', root: 'libs/runtime', packageName: '@scratch-websocket/runtime', tags: ['type:lib'], declared: [] },
  { name: 'codegen', root: 'tools/codegen', packageName: '@scratch-websocket/codegen', tags: ['type:tool'], declared: [] },
  {
    name: 'extension',
    root: 'apps/extension',
    packageName: '@scratch-websocket/extension',
    tags: ['type:app'],
    declared: ['@scratch-websocket/runtime'],
  },
];

describe('findViolations', () => {
  it('flags a library that imports an app by package name', () => {
    const violations = findViolations(projects, [
      { file: 'libs/runtime/src/a.ts', imports: ['@scratch-websocket/extension/src/generated/extension'] },
    ]);
    expect(violations).toEqual([
      {
        file: 'libs/runtime/src/a.ts',
        specifier: '@scratch-websocket/extension/src/generated/extension',
        message: 'runtime (type:lib) must not import extension (type:app)',
      },
      {
        file: 'libs/runtime/src/a.ts',
        specifier: '@scratch-websocket/extension/src/generated/extension',
        message: 'runtime imports @scratch-websocket/extension, which libs/runtime/package.json does not declare',
      },
    ]);
  });

  it('flags a library that reaches into a tool through a relative path', () => {
    const violations = findViolations(projects, [
      { file: 'libs/runtime/src/a.ts', imports: ['../../../tools/codegen/src/model'] },
    ]);
    expect(violations.map((v) => v.message)).toEqual([
      'runtime (type:lib) must not import codegen (type:tool)',
      'runtime imports @scratch-websocket/codegen, which libs/runtime/package.json does not declare',
    ]);
  });

  it('lets an app import the runtime and a library import itself or npm packages', () => {
    const violations = findViolations(projects, [
      { file: 'apps/extension/src/main.ts', imports: ['@scratch-websocket/runtime', './generated/extension'] },
      { file: 'libs/runtime/src/a.ts', imports: ['./b', 'ws'] },
    ]);
    expect(violations).toEqual([]);
  });

  it('fails when a package imports an undeclared workspace package, by name or by relative path', () => {
    const violations = findViolations(projects, [
      { file: 'apps/extension/test/a.test.ts', imports: ['@scratch-websocket/codegen', '../../../tools/codegen/src/model'] },
    ]);
    expect(violations.map((v) => [v.specifier, v.message])).toEqual([
      ['@scratch-websocket/codegen', 'extension imports @scratch-websocket/codegen, which apps/extension/package.json does not declare'],
      ['../../../tools/codegen/src/model', 'extension imports @scratch-websocket/codegen, which apps/extension/package.json does not declare'],
    ]);
  });

  it('reports a project without a type tag', () => {
    const violations = findViolations([{ name: 'x', root: 'libs/x', tags: [], declared: [] }], [{ file: 'libs/x/a.ts', imports: [] }]);
    expect(violations.map((v) => v.message)).toEqual(["project 'x' has no type: tag"]);
  });
});
