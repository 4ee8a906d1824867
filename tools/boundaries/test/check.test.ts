import { describe, expect, it } from 'vitest';
import { findViolations, type ProjectInfo, type SourceFile, type Violation } from '../src/index';

const RUNTIME = '@scratch-websocket/runtime';
const TEST_SUPPORT = '@scratch-websocket/test-support';

const projects: ProjectInfo[] = [
  { name: 'runtime', root: 'libs/runtime', packageName: RUNTIME, tags: ['type:lib', 'scope:runtime'], declared: [TEST_SUPPORT] },
  { name: 'test-support', root: 'libs/test-support', packageName: TEST_SUPPORT, tags: ['type:lib', 'scope:test'], declared: [] },
  { name: 'codegen', root: 'tools/codegen', packageName: '@scratch-websocket/codegen', tags: ['type:tool', 'scope:codegen'], declared: [RUNTIME] },
  {
    name: 'extension',
    root: 'apps/extension',
    packageName: '@scratch-websocket/extension',
    tags: ['type:app', 'scope:extension'],
    declared: [RUNTIME, TEST_SUPPORT],
  },
];

/** The messages of the violations of one rule. */
function messages(rule: Violation['rule'], files: SourceFile[], over: ProjectInfo[] = projects): string[] {
  return findViolations(over, files)
    .filter((violation) => violation.rule === rule)
    .map((violation) => violation.message);
}

describe('type boundaries', () => {
  it('fails when a library imports an app by package name', () => {
    const violations = findViolations(projects, [
      { file: 'libs/runtime/src/a.ts', imports: ['@scratch-websocket/extension/src/generated/extension'] },
    ]);
    expect(violations.filter((v) => v.rule === 'type')).toEqual([
      {
        rule: 'type',
        file: 'libs/runtime/src/a.ts',
        specifier: '@scratch-websocket/extension/src/generated/extension',
        message: 'runtime (type:lib) must not import extension (type:app)',
      },
    ]);
  });

  it('fails when a library reaches into a tool through a relative path', () => {
    expect(messages('type', [{ file: 'libs/runtime/src/a.ts', imports: ['../../../tools/codegen/src/model'] }])).toEqual([
      'runtime (type:lib) must not import codegen (type:tool)',
    ]);
  });

  it('lets an app import the runtime and a library import itself or npm packages', () => {
    const violations = findViolations(projects, [
      { file: 'apps/extension/src/main.ts', imports: [RUNTIME, './generated/extension'] },
      { file: 'libs/runtime/src/a.ts', imports: ['./b', 'ws'] },
    ]);
    expect(violations).toEqual([]);
  });
});

describe('scope boundaries', () => {
  it('fails when the runtime imports another scope, even the test helpers, from its sources', () => {
    expect(messages('scope', [{ file: 'libs/runtime/src/a.ts', imports: [TEST_SUPPORT, '@scratch-websocket/extension'] }])).toEqual([
      'libs/runtime/src/a.ts is shipped code of runtime (scope:runtime), which must not import test-support (scope:test)',
      'libs/runtime/src/a.ts is shipped code of runtime (scope:runtime), which must not import extension (scope:extension)',
    ]);
  });

  it('lets the extension, its generated code included, import the runtime, and never the reverse', () => {
    expect(messages('scope', [{ file: 'apps/extension/src/generated/extension.ts', imports: [RUNTIME] }])).toEqual([]);
    expect(messages('scope', [{ file: 'libs/runtime/src/a.ts', imports: ['../../../apps/extension/src/generated/extension'] }])).toEqual([
      'libs/runtime/src/a.ts is shipped code of runtime (scope:runtime), which must not import extension (scope:extension)',
    ]);
  });

  it('lets test code outside src/ import the test helpers and the spec model, but not other shipped code', () => {
    expect(
      messages('scope', [
        { file: 'libs/runtime/test/a.test.ts', imports: [TEST_SUPPORT] },
        { file: 'apps/extension/test/a.test.ts', imports: [TEST_SUPPORT, '@scratch-websocket/codegen'] },
        { file: 'libs/runtime/bench/index.ts', imports: ['../../../apps/extension/src/main'] },
      ]),
    ).toEqual(['libs/runtime/bench/index.ts is test code of runtime (scope:runtime), which must not import extension (scope:extension)']);
  });

  it('fails when the extension imports the test helpers from its sources', () => {
    expect(messages('scope', [{ file: 'apps/extension/src/main.ts', imports: [TEST_SUPPORT] }])).toEqual([
      'apps/extension/src/main.ts is shipped code of extension (scope:extension), which must not import test-support (scope:test)',
    ]);
  });

  it('fails when the test helpers import the code they test', () => {
    expect(messages('scope', [{ file: 'libs/test-support/src/a.ts', imports: [RUNTIME] }])).toEqual([
      'libs/test-support/src/a.ts is shipped code of test-support (scope:test), which must not import runtime (scope:runtime)',
    ]);
  });
});

describe('declared dependencies', () => {
  it('fails when a package imports an undeclared workspace package, by name or by relative path', () => {
    const violations = findViolations(projects, [
      { file: 'apps/extension/test/a.test.ts', imports: ['@scratch-websocket/codegen', '../../../tools/codegen/src/model'] },
    ]);
    expect(violations.filter((v) => v.rule === 'declared').map((v) => [v.specifier, v.message])).toEqual([
      ['@scratch-websocket/codegen', 'extension imports @scratch-websocket/codegen, which apps/extension/package.json does not declare'],
      ['../../../tools/codegen/src/model', 'extension imports @scratch-websocket/codegen, which apps/extension/package.json does not declare'],
    ]);
  });
});

describe('tags', () => {
  it('reports a project without a type tag or without a scope tag', () => {
    const untagged: ProjectInfo[] = [
      { name: 'x', root: 'libs/x', tags: ['scope:x'], declared: [] },
      { name: 'y', root: 'libs/y', tags: ['type:lib'], declared: [] },
    ];
    const files = [
      { file: 'libs/x/a.ts', imports: [] },
      { file: 'libs/y/a.ts', imports: [] },
    ];
    expect(messages('tags', files, untagged)).toEqual(["project 'x' has no type: tag", "project 'y' has no scope: tag"]);
  });
});
