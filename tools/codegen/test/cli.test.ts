import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSpecModel, runCommand } from '../src/index.js';
import { readFixture } from './support.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(REPO_ROOT, 'tools/codegen/src/cli.ts');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const USAGE = 'usage: tsx tools/codegen/src/cli.ts <spec.yaml>';
const scratch = mkdtempSync(join(tmpdir(), 'codegen-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const badSpec = readFixture('minimal.yaml').replace('  color1: "#123abc"', '  color1: red').replace('            default: 4000', '            default: four');
writeFileSync(join(scratch, 'bad.yaml'), badSpec);
const BAD_SPEC_ERRORS = [
  'bad.yaml:5:11 extension.color1: expected a colour written #rrggbb',
  'bad.yaml:83:22 blocks[2].blocks[0].arguments.CODE.default: expected a number default for a number argument, received string',
  '2 problem(s) in the spec; nothing was generated.',
];

/** Runs the CLI as `npm run generate` does, in its own process. */
/** How long a codegen child may run before it is killed; the tests that spawn one wait longer. */
const CHILD_BOUND_MS = 100_000;

function spawnCli(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // A bound for a hung child only: tsx and ts-morph took over 20 s on a loaded 2-core machine.
    const child = spawn(TSX, [CLI, ...args], { cwd, timeout: CHILD_BOUND_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function runInProcess(args: string[], cwd = REPO_ROOT) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await runCommand(args, { cwd, stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  return { status, stdout, stderr };
}

describe('the codegen process', { timeout: CHILD_BOUND_MS + 10_000 }, () => {
  it('exits 0 on the real spec, changing nothing that is committed', async () => {
    const run = await spawnCli(['specs/websocket.yaml'], REPO_ROOT);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    // One line per locale file (`codegen: translations ja: 0 missing, 0 stale`), then the count.
    const lines = run.stdout.trimEnd().split('\n');
    // Five artefacts (extension, translations, three docs pages) and three per gallery piece
    // (extension, page, pull request); more files, or a change, mean a skeleton was written for
    // a block without a test, or the committed output was out of date.
    const files = 5 + 3 * readSpecModel().pieces.length;
    expect(lines.at(-1), 'what specs/websocket.yaml generates is committed, and every block has its test: run `npm run generate` and commit').toBe(
      `codegen: ${files} files generated, 0 changed`,
    );
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^codegen: translations [a-z-]+: \d+ missing, \d+ stale$/);
  });

  it('exits 1 with every problem of the spec, paths relative to the cwd', async () => {
    expect(await spawnCli(['bad.yaml'], scratch)).toEqual({ status: 1, stdout: '', stderr: `${BAD_SPEC_ERRORS.join('\n')}\n` });
  });

  it('exits 2 with one line for a bad command line', async () => {
    expect(await spawnCli(['--watch'], REPO_ROOT)).toEqual({ status: 2, stdout: '', stderr: `codegen: unknown option '--watch'; ${USAGE}\n` });
  });
});

describe('the codegen command', () => {
  it('reports the problems of a spec with exit code 1', async () => {
    expect(await runInProcess(['bad.yaml'], scratch)).toEqual({ status: 1, stdout: [], stderr: BAD_SPEC_ERRORS });
  });

  it.each([
    { args: [] as string[], message: `codegen: expected one spec file, got 0; ${USAGE}` },
    { args: ['a.yaml', 'b.yaml'], message: `codegen: expected one spec file, got 2; ${USAGE}` },
    { args: ['specs/websocket.yaml', '-v'], message: `codegen: unknown option '-v'; ${USAGE}` },
    { args: ['specs/missing.yaml'], message: 'codegen: cannot read specs/missing.yaml: no such file' },
  ])('exits 2 with one line for $args', async ({ args, message }) => {
    expect(await runInProcess(args)).toEqual({ status: 2, stdout: [], stderr: [message] });
  });
});
