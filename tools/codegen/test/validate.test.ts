import { describe, expect, it } from 'vitest';
import { formatProblem, generate } from '../src/index.js';
import { fixtureContext, readFixture } from './support.js';

const SPEC = 'tools/codegen/test/fixtures/minimal.yaml';
const minimal = readFixture('minimal.yaml');

/** The minimal fixture with `from` replaced by `to` (which must occur exactly once). */
function edited(...edits: Array<[from: string, to: string]>): string {
  return edits.reduce((text, [from, to]) => {
    if (text.split(from).length !== 2) throw new Error(`fixture edit '${from}' must match exactly once`);
    return text.replace(from, to);
  }, minimal);
}

/** Every problem generation reports, formatted as the CLI prints them. */
function problems(specText: string): string[] {
  const result = generate(fixtureContext('minimal.yaml', { specText }));
  if (result.ok) throw new Error('expected the edited spec to be rejected');
  return result.problems.map(formatProblem);
}

describe('validating the spec', () => {
  it.each([
    {
      kind: 'an unknown key, pointing at the key',
      edits: [['        handler: closeCode', '        handler: closeCode\n        colour: red']] as Array<[string, string]>,
      expected: [`${SPEC}:72:9 blocks[1].blocks[5].colour: unknown key 'colour'`],
    },
    {
      kind: 'an unknown block shape',
      edits: [['        blockType: reporter', '        blockType: loop']] as Array<[string, string]>,
      expected: [`${SPEC}:69:20 blocks[1].blocks[5].blockType: unknown block shape: expected one of command, reporter, boolean, event, hat`],
    },
    {
      kind: 'a default of the wrong type',
      edits: [['            default: 4000', '            default: "4000"']] as Array<[string, string]>,
      expected: [`${SPEC}:83:22 blocks[2].blocks[0].arguments.CODE.default: expected a number default for a number argument, received string`],
    },
    {
      kind: 'a duplicate opcode',
      edits: [['      - opcode: code\n', '      - opcode: connected\n']] as Array<[string, string]>,
      expected: [`${SPEC}:68:17 blocks[1].blocks[5].opcode: duplicate opcode 'connected' (first used at blocks[1].blocks[4].opcode)`],
    },
    {
      kind: 'an argument used in the text but not defined',
      edits: [['        text: send [PAYLOAD]', '        text: send [PAYLOAD] to [WHOM]']] as Array<[string, string]>,
      expected: [`${SPEC}:35:15 blocks[0].blocks[1].text: argument [WHOM] is used in the text but not defined in arguments`],
    },
    {
      kind: 'an argument defined but not used in the text',
      edits: [['        text: close with [REASON] and [CODE]', '        text: close with [REASON]']] as Array<[string, string]>,
      expected: [`${SPEC}:81:11 blocks[2].blocks[0].arguments.CODE: argument CODE is defined but not used in the text`],
    },
    {
      kind: 'a bad colour',
      edits: [['  color2: "#0a1b2c"', '  color2: "#0a1b2"']] as Array<[string, string]>,
      expected: [`${SPEC}:6:11 extension.color2: expected a colour written #rrggbb`],
    },
    {
      kind: 'a hat without an event',
      edits: [['        event: message\n', '']] as Array<[string, string]>,
      expected: [`${SPEC}:51:9 blocks[1].blocks[1]: a hat block needs an event (a key of HatOpcodes, e.g. open)`],
    },
    {
      kind: 'a block without a handler',
      edits: [['        handler: closeCode\n', '']] as Array<[string, string]>,
      expected: [`${SPEC}:68:9 blocks[1].blocks[5]: a reporter block needs a handler (a method of WebSocketRuntime)`],
    },
    {
      // yaml reports a broken flow sequence where it notices, at the next line.
      kind: 'broken YAML',
      edits: [['  name: Fixture Socket', '  name: [Fixture Socket']] as Array<[string, string]>,
      expected: [`${SPEC}:5:3: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`],
    },
  ])('reports $kind with its line and column', ({ edits, expected }) => {
    expect(problems(edited(...edits))).toEqual(expected);
  });

  it('reports three different mistakes at once, each with its line and column', () => {
    const found = problems(
      edited(
        ['  color1: "#123abc"', '  color1: blue'],
        ['        handler: isConnected', '        handler: isConnected\n        isEdgeActivated: true'],
        ['            default: bye', '            default: false'],
      ),
    );
    expect(found).toEqual([
      `${SPEC}:5:11 extension.color1: expected a colour written #rrggbb`,
      `${SPEC}:68:9 blocks[1].blocks[4].isEdgeActivated: only hats have isEdgeActivated`,
      `${SPEC}:81:22 blocks[2].blocks[0].arguments.REASON.default: expected a string default for a string argument, received boolean`,
    ]);
  });
});
