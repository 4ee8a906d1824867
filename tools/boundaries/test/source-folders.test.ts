import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findImportCycles, findLongFiles, SOURCE_FOLDER_RULES } from '../src/index';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe.each(SOURCE_FOLDER_RULES)('$folder', ({ folder, maxLines }) => {
  const absolute = `${workspaceRoot}${folder}`;

  it('has no import cycle, type imports included', async () => {
    expect(await findImportCycles(absolute)).toEqual([]);
  });

  it(`has no source file over ${maxLines} lines`, () => {
    expect(findLongFiles(absolute, maxLines)).toEqual([]);
  });
});
