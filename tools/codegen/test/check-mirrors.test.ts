import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, generate, readSpecModel, readWorkspaceContext, REPO_ROOT } from '../src/index.js';
import { FIXTURE_EXPORTS_PATH, fixtureContext, readFixture } from './support.js';

const SPEC = 'tools/codegen/test/fixtures/full.yaml';
/** The full fixture with its field menu `messageKinds` (text, binary) mirroring the runtime's MESSAGE_KINDS. */
const mirroring = readFixture('full.yaml').replace('  messageKinds:\n    items:\n', '  messageKinds:\n    mirrors: MESSAGE_KINDS\n    items:\n');

function generated(runtimeExports: Record<string, unknown>, specText = mirroring) {
  return generate(fixtureContext('full.yaml', { specText, runtimeExports }));
}

function problems(runtimeExports: Record<string, unknown>, specText = mirroring): string[] {
  const result = generated(runtimeExports, specText);
  if (result.ok) throw new Error('expected the mirrored menu to be rejected');
  return result.problems.map(formatProblem);
}

describe('a menu that mirrors a runtime list', () => {
  const at = `${SPEC}:25:14 menus.messageKinds.mirrors`;

  it('generates when its item values are the runtime list, in its order', () => {
    expect(generated({ MESSAGE_KINDS: ['text', 'binary'] }).ok).toBe(true);
  });

  it('fails naming a value the runtime has and the menu lacks', () => {
    expect(problems({ MESSAGE_KINDS: ['text', 'binary', 'ping'] })).toEqual([
      `${at}: menu messageKinds's item values differ from MESSAGE_KINDS of the runtime (${FIXTURE_EXPORTS_PATH}): missing 'ping'`,
    ]);
  });

  it('fails naming what is missing and what the runtime does not have, in one problem', () => {
    expect(problems({ MESSAGE_KINDS: ['text', 'ping', 'pong'] })).toEqual([
      `${at}: menu messageKinds's item values differ from MESSAGE_KINDS of the runtime (${FIXTURE_EXPORTS_PATH}): missing 'ping', 'pong'; not in the runtime: 'binary'`,
    ]);
  });

  it('fails when it has the same values in another order', () => {
    expect(problems({ MESSAGE_KINDS: ['binary', 'text'] })).toEqual([
      `${at}: menu messageKinds's item values differ from MESSAGE_KINDS of the runtime (${FIXTURE_EXPORTS_PATH}): the same values in another order (the runtime's: 'binary', 'text')`,
    ]);
  });

  it.each([
    ['does not export the name', {}, 'does not export it'],
    ['exports something other than a list of strings', { MESSAGE_KINDS: ['text', 2] }, 'exports it, but not as an array of strings'],
  ])('fails when the runtime %s', (_title, runtimeExports, found) => {
    expect(problems(runtimeExports)).toEqual([`${at}: menu messageKinds mirrors MESSAGE_KINDS, but the runtime (${FIXTURE_EXPORTS_PATH}) ${found}`]);
  });

  it('fails on a dynamic menu, whose items the runtime lists at run time', () => {
    const dynamic = readFixture('full.yaml').replace('    function: recentMessages\n', '    function: recentMessages\n    mirrors: MESSAGE_KINDS\n');
    expect(problems({ MESSAGE_KINDS: ['text'] }, dynamic)).toEqual([
      `${SPEC}:33:14 menus.recent.mirrors: menu recent lists its items with function 'recentMessages' at run time: only a menu with items can mirror a runtime list`,
    ]);
  });
});

describe("specs/websocket.yaml's statistic menu", () => {
  const folder = mkdtempSync(join(tmpdir(), 'codegen-mirrors-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const spec = readFileSync(join(REPO_ROOT, 'specs/websocket.yaml'), 'utf8');

  it('is declared to mirror STATISTICS of the real runtime', () => {
    expect(readSpecModel().menus.find((menu) => menu.name === 'statistic')?.mirrors?.name).toBe('STATISTICS');
  });

  it('fails generation against the real runtime, with file:line:col, when an item is missing', async () => {
    // A copy without `reconnect attempts`, generated (never written) beside no translations.
    const item = '      - value: reconnect attempts\n        text: reconnect attempts\n';
    expect(spec.split(item)).toHaveLength(2);
    writeFileSync(join(folder, 'websocket.yaml'), spec.replace(item, ''));
    const result = generate(await readWorkspaceContext('websocket.yaml', folder));
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^websocket\.yaml:\d+:\d+ menus\.statistic\.mirrors: menu statistic's item values differ from STATISTICS of the runtime \(\S+libs\/runtime\/src\/index\.ts\): missing 'reconnect attempts'$/,
      ),
    ]);
  });
});
