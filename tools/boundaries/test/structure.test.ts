import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findImportCycles, findLongFiles } from '../src/index';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/structure/${name}`, import.meta.url));

describe('findImportCycles', () => {
  it('finds a cycle of value imports, naming its files in import order', async () => {
    expect(await findImportCycles(fixture('cycle'))).toEqual([['connection.ts', 'session.ts', 'sprite.ts']]);
  });

  it('finds a cycle closed by a type-only import', async () => {
    expect(await findImportCycles(fixture('type-cycle'))).toEqual([['owner.ts', 'room.ts']]);
  });

  it('finds none where imports run one way, type imports and re-exports included', async () => {
    expect(await findImportCycles(fixture('clean'))).toEqual([]);
  });

  it('refuses a folder whose files ask the cycle finder to skip an import', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'boundaries-ignore-'));
    try {
      writeFileSync(join(folder, 'a.ts'), "// @dpdm-ignore\nimport './b.js';\n");
      writeFileSync(join(folder, 'b.ts'), "import './a.js';\n");
      await expect(findImportCycles(folder)).rejects.toThrow('a.ts: @dpdm-ignore would hide an import from the cycle check');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a folder with an import it cannot resolve, which could hide a cycle', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'boundaries-unresolved-'));
    try {
      writeFileSync(join(folder, 'a.ts'), "import { b } from './missing.js';\nexport const a = b;\n");
      await expect(findImportCycles(folder)).rejects.toThrow("a.ts: cannot resolve './missing.js', so the cycle check cannot follow it");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses a folder that does not exist', async () => {
    await expect(findImportCycles(fixture('absent'))).rejects.toThrow(/absent is not a folder/);
  });
});

describe('findLongFiles', () => {
  // Written here rather than checked in: a fixture of 301 filler lines says nothing to a reader.
  const folder = mkdtempSync(join(tmpdir(), 'boundaries-long-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const lines = (count: number): string => Array.from({ length: count }, (_, index) => `export const line${index} = ${index};\n`).join('');

  it('names each source file over the limit with its line count, in path order', () => {
    writeFileSync(join(folder, 'long.ts'), lines(301));
    writeFileSync(join(folder, 'limit.ts'), lines(300));
    writeFileSync(join(folder, 'unterminated.ts'), lines(301).trimEnd());
    writeFileSync(join(folder, 'notes.md'), lines(400));
    expect(findLongFiles(folder, 300)).toEqual([
      { file: 'long.ts', lines: 301 },
      { file: 'unterminated.ts', lines: 301 },
    ]);
  });

  it('finds none in a folder of short files', () => {
    expect(findLongFiles(fixture('clean'), 300)).toEqual([]);
  });
});
