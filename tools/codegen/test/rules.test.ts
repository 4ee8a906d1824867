import { describe, expect, it } from 'vitest';
import {
  ensureArgumentsUsed,
  ensureDefaultOnlyWhereShown,
  ensureDefaultsMatchTypes,
  ensureEdgeActivationAllowed,
  ensureMonitorFlagOnlyWithMonitor,
  ensureNoFieldsOfOtherShapes,
  ensurePlaceholdersDeclared,
  ensureShapeRequirements,
  ensureUniqueHatEvents,
  ensureUniqueOpcodes,
  type RuleSink,
} from '../src/rules.js';

type Report = [path: string, message: string];

/** A sink that records what a rule reports, paths joined with dots. */
function recording(): { sink: RuleSink; reports: Report[] } {
  const reports: Report[] = [];
  return { reports, sink: { report: (path, message) => reports.push([path.join('.'), message]) } };
}

type BlockRule = (block: Record<string, unknown>, at: Array<string | number>, sink: RuleSink) => void;

function runBlockRule(rule: BlockRule, block: Record<string, unknown>): Report[] {
  const { sink, reports } = recording();
  rule(block, ['b'], sink);
  return reports;
}

describe('block rules', () => {
  it.each([
    { rule: ensureShapeRequirements, block: { blockType: 'hat' }, expected: [['b', 'a hat block needs an event (a key of HatOpcodes, e.g. open)']] },
    { rule: ensureShapeRequirements, block: { blockType: 'command' }, expected: [['b', 'a command block needs a handler (a method of WebSocketRuntime)']] },
    { rule: ensureShapeRequirements, block: { blockType: 'event', event: 'open' }, expected: [] },
    { rule: ensureShapeRequirements, block: { blockType: 'loop' }, expected: [] },
    { rule: ensureNoFieldsOfOtherShapes, block: { blockType: 'event', handler: 'x' }, expected: [['b.handler', 'a event block has no handler: the runtime starts it on its event']] },
    {
      rule: ensureNoFieldsOfOtherShapes,
      block: { blockType: 'reporter', event: 'open', shouldRestartExistingThreads: true },
      expected: [
        ['b.event', 'only hats have an event; a reporter block has a handler'],
        ['b.shouldRestartExistingThreads', 'only hats have shouldRestartExistingThreads'],
      ],
    },
    {
      rule: ensureNoFieldsOfOtherShapes,
      block: { blockType: 'hat', event: 'open', usesTarget: false },
      expected: [['b.usesTarget', 'a hat block has no handler, so it has no usesTarget: the runtime starts it for a sprite']],
    },
    { rule: ensureNoFieldsOfOtherShapes, block: { blockType: 'reporter', handler: 'x', usesTarget: false }, expected: [] },
    { rule: ensureMonitorFlagOnlyWithMonitor, block: { blockType: 'command', disableMonitor: true }, expected: [['b.disableMonitor', 'only reporters and booleans have a monitor']] },
    { rule: ensureMonitorFlagOnlyWithMonitor, block: { blockType: 'hat', disableMonitor: true }, expected: [['b.disableMonitor', 'hats have no monitor']] },
    { rule: ensureMonitorFlagOnlyWithMonitor, block: { blockType: 'boolean', disableMonitor: true }, expected: [] },
    { rule: ensureEdgeActivationAllowed, block: { blockType: 'event', isEdgeActivated: true }, expected: [['b.isEdgeActivated', 'an event block cannot be edge-activated (use blockType: hat)']] },
    { rule: ensureEdgeActivationAllowed, block: { blockType: 'hat', isEdgeActivated: true }, expected: [] },
    {
      rule: ensurePlaceholdersDeclared,
      block: { text: 'a [X] [toString] [Y]', arguments: { X: {} } },
      expected: [
        ['b.text', 'argument [toString] is used in the text but not defined in arguments'],
        ['b.text', 'argument [Y] is used in the text but not defined in arguments'],
      ],
    },
    { rule: ensureArgumentsUsed, block: { text: 'a [X]', arguments: { X: {}, Z: {} } }, expected: [['b.arguments.Z', 'argument Z is defined but not used in the text']] },
    {
      rule: ensureDefaultOnlyWhereShown,
      block: { arguments: { B: { type: 'boolean', default: false }, S: { type: 'string', default: 'x' } } },
      expected: [['b.arguments.B.default', 'a boolean argument has no default: Scratch shows it as an empty slot']],
    },
    {
      rule: ensureDefaultsMatchTypes,
      block: { arguments: { N: { type: 'number', default: '1' }, B: { type: 'boolean', default: false }, Q: { type: 'colour', default: 1 } } },
      expected: [['b.arguments.N.default', 'expected a number default for a number argument, received string']],
    },
  ] as Array<{ rule: BlockRule; block: Record<string, unknown>; expected: Report[] }>)('$rule.name on $block reports $expected', ({ rule, block, expected }) => {
    expect(runBlockRule(rule, block)).toEqual(expected);
  });
});

describe('spec rules', () => {
  const spec = {
    blocks: [
      { blocks: [{ opcode: 'a', blockType: 'event', event: 'open' }, { opcode: 'b', blockType: 'command', event: 'open' }] },
      { blocks: [{ opcode: 'a', blockType: 'hat', event: 'open' }] },
    ],
  };

  it('reports each opcode used again, pointing at the first use', () => {
    const { sink, reports } = recording();
    ensureUniqueOpcodes(spec, sink);
    expect(reports).toEqual([['blocks.1.blocks.0.opcode', "duplicate opcode 'a' (first used at blocks[0].blocks[0].opcode)"]]);
  });

  it('reports a hat event used by a second hat, ignoring blocks that are not hats', () => {
    const { sink, reports } = recording();
    ensureUniqueHatEvents(spec, sink);
    expect(reports).toEqual([['blocks.1.blocks.0.event', "duplicate event 'open' (first used at blocks[0].blocks[0].event)"]]);
  });
});
