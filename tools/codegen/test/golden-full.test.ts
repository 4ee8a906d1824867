import { describe, expect, it } from 'vitest';
import { formatProblem, generate, type GenerateResult } from '../src/index.js';
import { FIXTURE_OUTPUTS, fixtureContext, golden, loadExtension, localeFixture, readFixture, typeCheckGenerated } from './support.js';

function files(result: GenerateResult): Map<string, string> {
  if (!result.ok) throw new Error(`expected the fixture to generate, got:\n${result.problems.map(formatProblem).join('\n')}`);
  return new Map(result.files.map((file) => [file.path, file.text]));
}

describe('generating from the full fixture (menus, a field in a hat, a dynamic menu, labels, a hidden block, translations)', () => {
  const result = generate(fixtureContext('full.yaml', { translations: [localeFixture('ja')], existingTests: ['connectTo', 'sendIt', 'whenOpen', 'whenMessage', 'whenError', 'whenClose', 'closeWith', 'closeOld'] }));
  const output = files(result);

  it.each([
    ['extension.ts', FIXTURE_OUTPUTS.extension],
    ['translations.ts', FIXTURE_OUTPUTS.translations],
    ['websocket.md', FIXTURE_OUTPUTS.docsMarkdown],
    ['websocket.html', FIXTURE_OUTPUTS.docsHtml],
  ])('emits exactly the expected %s', (name, path) => {
    expect(output.get(path)).toBe(golden(name, output.get(path) ?? '', 'full'));
  });

  it('counts the missing and stale translations of each locale', () => {
    expect(result.ok && result.translationSummary).toEqual(['ja: 9 missing, 1 stale']);
  });

  it('gives the VM labels without an opcode, menus with their items, and a field menu for the hat', () => {
    const info = loadExtension(output.get(FIXTURE_OUTPUTS.extension) ?? '').getInfo() as unknown as {
      blocks: Array<Record<string, unknown> | string>;
      menus: Record<string, { acceptReporters: boolean; items: unknown }>;
    };
    expect(info.blocks[0]).toEqual({ blockType: 'label', text: 'Talking to the server' });
    expect(info.menus.messageKinds).toEqual({ acceptReporters: false, items: [{ text: 'text', value: 'text' }, { text: 'binary data', value: 'binary' }] });
    expect(info.menus.recent).toEqual({ acceptReporters: true, items: 'recentMenu' });
    expect(info.blocks.find((block) => typeof block === 'object' && block.opcode === 'closeOld')).toMatchObject({ hideFromPalette: true });
  });

  it('type-checks against the extension\'s ScratchApi and TurboWarp\'s types (labels, menus, the dynamic menu method)', () => {
    const files = {
      'runtime.ts': "export { WebSocketRuntime, type RuntimeFacets } from './runtime-class';\nexport type { HatOpcodes } from './host';\n",
      'runtime-class.ts': readFixture('runtime/runtime.ts'),
      'host.ts': readFixture('runtime/host.ts'),
    };
    expect(typeCheckGenerated([{ extension: output.get(FIXTURE_OUTPUTS.extension) ?? '', files }])).toEqual([]);
  }, 60_000);

  it('calls a pure handler (usesTarget: false) with the cast arguments only, and a sprite handler with the target first and the thread last', () => {
    const calls: unknown[][] = [];
    const runtime = {
      textOfDataUrl: (...args: unknown[]) => calls.push(['textOfDataUrl', ...args]),
      send: (...args: unknown[]) => calls.push(['send', ...args]),
    };
    const extension = loadExtension(output.get(FIXTURE_OUTPUTS.extension) ?? '', {}, runtime) as unknown as Record<string, (args: object, util?: object) => unknown>;
    const target = { name: 'Sprite1' };
    const thread = { topBlock: 'a hat' };
    extension.textOf?.({ DATA: 42 }, { target, thread });
    extension.sendIt?.({ PAYLOAD: 7 }, { target, thread });
    expect(calls).toEqual([
      ['textOfDataUrl', '42'],
      ['send', target, '7', thread],
    ]);
  });

  it('leaves the hidden block out of the docs', () => {
    expect(output.get(FIXTURE_OUTPUTS.docsMarkdown)).not.toContain('Kept so that old projects load');
  });
});
