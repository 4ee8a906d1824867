import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec, UnreadableFileError, readSpecModel, validateSpec } from '../src/index.js';
import { readFixture } from './support.js';

describe('readSpecModel', () => {
  const folder = mkdtempSync(join(tmpdir(), 'codegen-spec-model-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads the repository spec into the model the generator validates, defaults applied', () => {
    const model = readSpecModel();
    expect(model.extension.id).toBe('gsaWebsocket');
    const statistic = model.groups.flatMap((group) => group.blocks).find((block) => 'opcode' in block && block.opcode === 'statistic');
    expect(statistic).toMatchObject({ blockType: 'reporter', handler: 'statistic' });
  });

  it('reads a spec given relative to another root the same as validateSpec does', () => {
    writeFileSync(join(folder, 'minimal.yaml'), readFixture('minimal.yaml'));
    const validation = validateSpec(loadSpec(readFixture('minimal.yaml'), 'minimal.yaml'), 'minimal.yaml');
    expect(validation.ok).toBe(true);
    expect(readSpecModel('minimal.yaml', folder)).toEqual(validation.ok ? validation.model : undefined);
  });

  it('fails listing every located problem of a spec the generator rejects', () => {
    writeFileSync(join(folder, 'bad.yaml'), readFixture('minimal.yaml').replace('id: fixtureSocket', 'id: 1'));
    expect(() => readSpecModel('bad.yaml', folder)).toThrow(/^bad\.yaml is not valid:\nbad\.yaml:\d+:\d+ extension\.id: /);
  });

  it('fails with a UnreadableFileError for a spec that is not there', () => {
    expect(() => readSpecModel('absent.yaml', folder)).toThrow(UnreadableFileError);
  });
});
