import { describe, expect, it } from 'vitest';
import { formatProblem, generate } from '../src/index.js';
import { fixtureContext, readFixture } from './support.js';

const SPEC = 'tools/codegen/test/fixtures/full.yaml';
const full = readFixture('full.yaml');
const runtime = readFixture('runtime/runtime.ts');

/** The full fixture with `from` replaced by `to` (which must occur exactly once). */
function edited(from: string, to: string): string {
  if (full.split(from).length !== 2) throw new Error(`fixture edit '${from}' must match exactly once`);
  return full.replace(from, to);
}

function problems(specText: string, runtimeText?: string): string[] {
  const result = generate(fixtureContext('full.yaml', runtimeText === undefined ? { specText } : { specText, runtimeText }));
  if (result.ok) throw new Error('expected the spec to be rejected');
  return result.problems.map(formatProblem);
}

describe('menus', () => {
  it.each([
    {
      kind: 'an argument naming a menu that does not exist',
      specText: edited('            menu: closeCodes\n', '            menu: codes\n'),
      expected: [
        `${SPEC}:17:3 menus.closeCodes: menu closeCodes is defined but no argument uses it`,
        `${SPEC}:90:19 blocks[2].blocks[1].arguments.CODE.menu: menu codes is not defined in menus (there are closeCodes, messageKinds, recent)`,
      ],
    },
    {
      kind: 'a menu with neither items nor a function',
      specText: edited('    acceptReporters: true\n    function: recentMessages\n', '    acceptReporters: true\n'),
      expected: [`${SPEC}:30:3 menus.recent: menu recent needs items (a static menu) or a function (a dynamic menu)`],
    },
    {
      kind: 'two items with one value',
      specText: edited('      - value: 4000\n', '      - value: 1000\n'),
      expected: [`${SPEC}:22:16 menus.closeCodes.items[1].value: duplicate value '1000' in menu closeCodes`],
    },
    {
      kind: 'a default that is not an item',
      specText: edited('            menu: closeCodes\n', '            menu: closeCodes\n            default: 1001\n'),
      expected: [`${SPEC}:91:22 blocks[2].blocks[1].arguments.CODE.default: default '1001' is not an item of menu closeCodes (1000, 4000)`],
    },
    {
      kind: 'a hat argument whose menu accepts reporters (a hat takes only fields)',
      specText: edited('  messageKinds:\n    items:\n', '  messageKinds:\n    acceptReporters: true\n    items:\n'),
      expected: [`${SPEC}:71:19 blocks[1].blocks[1].arguments.KIND.menu: a hat block takes only fields, but menu messageKinds accepts reporters`],
    },
    {
      kind: 'an opcode taking the name of a dynamic menu method',
      specText: edited('      - opcode: closeOld\n', '      - opcode: recentMenu\n'),
      expected: [`${SPEC}:92:17 blocks[2].blocks[2].opcode: opcode 'recentMenu' is the name of the method that lists menu recent's items`],
    },
  ])('reports $kind with its line and column', ({ specText, expected }) => {
    expect(problems(specText)).toEqual(expected);
  });

  it('checks a dynamic menu function against the runtime like a handler', () => {
    const missing = runtime.replace('  recentMessages(): string[] { return []; }\n', '');
    expect(problems(full, missing)).toEqual([
      `${SPEC}:32:15 menus.recent.function: runtime has no function 'recentMessages' for menu recent (WebSocketRuntime in tools/codegen/test/fixtures/runtime/runtime.ts)`,
    ]);
    const wrong = runtime.replace('recentMessages(): string[]', 'recentMessages(target: Target): number[]');
    expect(problems(full, wrong)).toEqual([
      `${SPEC}:32:15 menus.recent.function: function 'recentMessages' for menu recent takes (target: Target) and returns number[], but a menu function takes () and returns string[]`,
    ]);
  });
});

describe('labels and hidden blocks', () => {
  it('reports two labels with one id', () => {
    expect(problems(edited('      - label: closingLabel\n', '      - label: talkingLabel\n'))).toEqual([
      `${SPEC}:82:16 blocks[2].blocks[0].label: duplicate label 'talkingLabel' (first used at blocks[0].blocks[0].label)`,
    ]);
  });

  it('reports a label with a key only blocks have, as a label problem', () => {
    expect(problems(edited('        text: Closing\n', '        text: Closing\n        hideFromPalette: true\n'))).toEqual([
      `${SPEC}:84:9 blocks[2].blocks[0].hideFromPalette: unknown key 'hideFromPalette'`,
    ]);
  });
});
