/**
 * Which kinds of project may import which. A library is published on its own and runs in
 * hosts we do not control, so it may import only other libraries: never the generator,
 * an app, or generated code.
 */
export const ALLOWED_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  'type:lib': ['type:lib'],
  'type:tool': ['type:lib', 'type:tool'],
  'type:app': ['type:lib', 'type:app', 'type:tool'],
  'type:e2e': ['type:lib', 'type:app', 'type:tool', 'type:e2e'],
};

/**
 * Which scopes a project's shipped code (the files under its `src/`) may import, by the
 * project's `scope:` tag (STYLE.md, The workspace: "the runtime imports nothing from codegen
 * or apps; generated code imports the runtime, never the reverse"). The runtime is published
 * and host-agnostic: it imports nothing of ours. The extension, its generated code included,
 * calls the runtime. The test helpers serve the runtime's own tests, so they import none of
 * the code under test. The end-to-end suites drive everything. A scope not listed may import
 * no other scope.
 */
export const ALLOWED_SCOPE_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  'scope:runtime': [],
  'scope:extension': ['scope:runtime'],
  'scope:codegen': [],
  'scope:playground': [],
  'scope:boundaries': [],
  'scope:test': ['scope:test'],
  'scope:e2e': ['scope:runtime', 'scope:extension', 'scope:codegen', 'scope:test'],
};

/**
 * What a project's test code (its files outside `src/`: tests, benchmarks, build scripts)
 * may import besides: the test helpers, and the generator's reading of the spec
 * (`readSpecModel`), which tests list blocks from. Never another scope's shipped code.
 */
export const TEST_CODE_SCOPE_IMPORTS: readonly string[] = ['scope:test', 'scope:codegen'];

/**
 * Folders whose source files must import in one direction only (no cycle, type imports
 * included) and stay at most `maxLines` long, each checked in every `npm test` by
 * test/source-folders.test.ts. The runtime: STYLE.md, The runtime ("one concern per file";
 * "an import loop is a sign that a lower room knows its owner"), with issue 19's 300 lines.
 */
export const SOURCE_FOLDER_RULES: ReadonlyArray<{ folder: string; maxLines: number }> = [{ folder: 'libs/runtime/src', maxLines: 300 }];
