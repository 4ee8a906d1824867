import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allBlocks, generate, runsSomething, readWorkspaceContext, REPO_ROOT } from '../src/index.js';

const result = generate(await readWorkspaceContext('specs/websocket.yaml', REPO_ROOT));

describe('the committed generated files', () => {
  it('are exactly what specs/websocket.yaml generates now', () => {
    if (!result.ok) throw new Error(`the spec does not generate:\n${result.problems.map((problem) => problem.message).join('\n')}`);
    for (const file of result.files) {
      expect(readFileSync(join(REPO_ROOT, file.path), 'utf8'), `${file.path} differs: run \`npm run generate\` and commit`).toBe(file.text);
    }
  });

  it('leave no block without its hand-written test', () => {
    if (!result.ok) throw new Error('the spec does not generate');
    const missing = allBlocks(result.model).filter((block) => runsSomething(block) && !existsSync(join(REPO_ROOT, 'apps/extension/test/blocks', `${block.opcode}.test.ts`)));
    expect(missing.map((block) => block.opcode), 'blocks without apps/extension/test/blocks/<opcode>.test.ts: `npm run generate` writes a skeleton to fill in').toEqual([]);
  });
});
