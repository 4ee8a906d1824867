import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkspaceContext, runCommand } from '../src/index.js';
import { readFixture } from './support.js';

// Issue 20, G6 and G7: paths that are not regular files, and files that are not UTF-8, get
// one line and exit code 2 (a path) or a located problem and exit code 1 (a file's bytes).

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'codegen-workspace-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder in the scratch folder with these files (a path ending in / is a folder). */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const root = join(scratch, name);
  for (const [path, content] of Object.entries(files)) {
    if (path.endsWith('/')) mkdirSync(join(root, path), { recursive: true });
    else {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  }
  return root;
}

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await runCommand(args, { cwd: scratch, stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
  return { status, stdout, stderr };
}

// Not a spec: every case below fails before the spec is read as YAML, and a valid spec would be generated into the repository.
const NOT_A_SPEC = 'extension: {}\n';

describe('paths that cannot be read get one line and exit code 2 (G6)', () => {
  it('refuses a directory given as the spec', async () => {
    folder('dir-spec', { 'spec.yaml/': '' });
    expect(await run(['dir-spec/spec.yaml'])).toEqual({ status: 2, stdout: [], stderr: ['codegen: cannot read dir-spec/spec.yaml: a directory, not a file'] });
  });

  it('refuses a directory named like a locale file in l10n', async () => {
    folder('dir-locale', { 'spec.yaml': NOT_A_SPEC, 'l10n/ja.yaml/': '' });
    expect(await run(['dir-locale/spec.yaml'])).toEqual({ status: 2, stdout: [], stderr: ['codegen: cannot read dir-locale/l10n/ja.yaml: a directory, not a file'] });
  });

  it('refuses an l10n that is a file, not a folder', async () => {
    folder('file-l10n', { 'spec.yaml': NOT_A_SPEC, l10n: 'not a folder' });
    expect(await run(['file-l10n/spec.yaml'])).toEqual({ status: 2, stdout: [], stderr: ['codegen: cannot read file-l10n/l10n: not a folder'] });
  });

  it('prints a missing path with a line break and an escape on one line', async () => {
    expect(await run(['a\nb\u001b[2J.yaml'])).toEqual({ status: 2, stdout: [], stderr: ['codegen: cannot read a\\x0ab\\x1b[2J.yaml: no such file'] });
  });

  it('prints an unknown option with a line break on one line', async () => {
    expect(await run(['--x\ny'])).toEqual({ status: 2, stdout: [], stderr: ["codegen: unknown option '--x\\x0ay'; usage: tsx tools/codegen/src/cli.ts <spec.yaml>"] });
  });

  it('refuses a FIFO named like a locale file at once, instead of waiting for a writer forever', { timeout: 120_000 }, async () => {
    const root = folder('fifo', { 'spec.yaml': NOT_A_SPEC, 'l10n/': '' });
    execFileSync('mkfifo', [join(root, 'l10n/ja.yaml')]);
    // In its own process: a read that blocks would block this one, and the test's timeout with it.
    const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), [join(REPO_ROOT, 'tools/codegen/src/cli.ts'), 'fifo/spec.yaml'], { cwd: scratch, timeout: 90_000 });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect({ status, stderr }).toEqual({ status: 2, stderr: 'codegen: cannot read fifo/l10n/ja.yaml: not a regular file\n' });
  });
});

describe('file encodings (G7)', () => {
  const spec = readFixture('minimal.yaml');

  it.each([
    { encoding: 'UTF-16 LE', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(spec, 'utf16le')]) },
    { encoding: 'UTF-16 BE', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(spec, 'utf16le').swap16()]) },
    { encoding: 'UTF-8 with a byte order mark', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(spec)]) },
  ])('reads a $encoding file as its text, as YAML 1.2 reads it', async ({ encoding, bytes }) => {
    const root = folder(`encoding-${encoding.replace(/\W+/g, '-')}`, { 'spec.yaml': bytes });
    expect((await readWorkspaceContext(join(root, 'spec.yaml'), scratch)).spec.text).toBe(spec);
  });

  it('reports Latin-1 bytes at their line and column, instead of reading them as U+FFFD', async () => {
    folder('latin1', { 'spec.yaml': Buffer.from('extension:\n  name: Café ünd\n', 'latin1') });
    expect(await run(['latin1/spec.yaml'])).toEqual({
      status: 1,
      stdout: [],
      stderr: ['latin1/spec.yaml:2:12: not UTF-8 text: byte 0xe9 is not part of a UTF-8 character; save the file as UTF-8', '1 problem(s) in the spec; nothing was generated.'],
    });
  });

  it('keeps a U+FFFD written in the file', async () => {
    const root = folder('replacement', { 'spec.yaml': 'extension:\n  name: \uFFFD\n' });
    expect((await readWorkspaceContext(join(root, 'spec.yaml'), scratch)).spec.text).toBe('extension:\n  name: \uFFFD\n');
  });
});
