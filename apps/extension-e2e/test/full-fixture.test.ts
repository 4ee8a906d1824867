import { beforeAll, describe, expect, it } from 'vitest';
import type { VmPage } from '../src/browser/vm-page';
import { buildFullFixtureScript, FULL_FIXTURE_ID } from '../src/full-fixture';
import { block } from '../src/sb3/blocks';
import { addToList, whenFlagClicked } from '../src/sb3/core';
import { ProjectBuilder } from '../src/sb3/project';
import { toSb3 } from '../src/sb3/sb3-file';
import { useE2e } from './fixture';

/**
 * The generator's full fixture (tools/codegen/test/fixtures/full.yaml), generated and built
 * like the real extension, in the real VM: what the VM registered for each construct the
 * spec language has beyond plain blocks.
 */
describe('the full fixture extension in the TurboWarp VM', () => {
  const e2e = useE2e();
  let scriptURL: string;

  beforeAll(async () => {
    scriptURL = e2e.server.addScript('full-fixture', await buildFullFixtureScript());
  });

  async function load(locale?: string) {
    const vm = await e2e.openVm();
    if (locale !== undefined) await vm.setLocale(locale);
    await vm.loadExtension(scriptURL);
    const info = await vm.extensionInfo(FULL_FIXTURE_ID);
    if (info === null) throw new Error('the full fixture extension did not register');
    return { vm, info };
  }

  type Info = NonNullable<Awaited<ReturnType<VmPage['extensionInfo']>>>;
  const registered = (info: Info, opcode: string) => {
    const found = info.blocks.find((item) => typeof item.info !== 'string' && item.info.opcode === opcode);
    if (found === undefined) throw new Error(`no block ${opcode} registered`);
    return found;
  };
  const labels = (info: Info) =>
    info.blocks.flatMap((item) => (typeof item.info !== 'string' && item.info.blockType === 'label' ? [{ text: item.info.text, xml: item.xml }] : []));
  /** The first argument of a block's definition, as scratch-blocks draws it. */
  const firstArgument = (info: Info, opcode: string) => (registered(info, opcode).json?.args0 as Array<Record<string, unknown>>)[0];

  it('shows the label entries as palette labels, in the order of the spec', async () => {
    const { info } = await load();
    expect(labels(info)).toEqual([
      { text: 'Talking to the server', xml: '<label text="Talking to the server"></label>' },
      { text: 'Closing', xml: '<label text="Closing"></label>' },
    ]);
  });

  it('registers the static menus with their values and texts, and the dynamic menu with the runtime function\'s items', async () => {
    const { info } = await load();
    expect(info.menus).toEqual({
      closeCodes: { acceptReporters: true, items: [['normal', '1000'], ['custom', '4000']] },
      messageKinds: { acceptReporters: false, items: [['text', 'text'], ['binary data', 'binary']] },
      recent: { acceptReporters: true, items: [['hello', 'hello'], ['see you', 'see you']] },
    });
  });

  it('puts the menu that accepts no reporters into the hat as a field, and menus that do as inputs', async () => {
    const { info } = await load();
    expect(firstArgument(info, 'whenMessage')).toEqual({ type: 'field_dropdown', name: 'KIND', options: [['text', 'text'], ['binary data', 'binary']] });
    expect(registered(info, 'whenMessage').xml).not.toContain('<value name="KIND">');
    expect(firstArgument(info, 'sendIt')).toMatchObject({ type: 'input_value', name: 'PAYLOAD' });
    expect(registered(info, 'sendIt').xml).toContain('<value name="PAYLOAD"><shadow type="fullSocket_menu_recent">');
    expect(registered(info, 'closeWith').xml).toContain('<value name="CODE"><shadow type="fullSocket_menu_closeCodes">');
  });

  it('registers the hidden block, so old projects load, but leaves it out of the palette', async () => {
    const { vm, info } = await load();
    expect(registered(info, 'closeOld').info).toMatchObject({ opcode: 'closeOld', text: 'close', hideFromPalette: true });
    const palette = await vm.paletteXml(FULL_FIXTURE_ID);
    expect(palette).toContain('type="fullSocket_closeWith"');
    expect(palette).not.toContain('type="fullSocket_closeOld"');
  });

  it('shows the Japanese texts of the fixture when the editor language is Japanese, English where it has none', async () => {
    const { info } = await load('ja');
    expect(info.name).toBe('フルソケット');
    expect(labels(info).map((label) => label.text)).toEqual(['サーバーとの通信', 'Closing']);
    const texts = Object.fromEntries(['connectTo', 'sendIt', 'whenMessage', 'closeWith'].map((opcode) => [opcode, (registered(info, opcode).info as { text: unknown }).text]));
    expect(texts).toEqual({
      connectTo: '[URL] に接続する',
      sendIt: 'send [PAYLOAD]',
      whenMessage: '[KIND] のメッセージを受け取ったとき',
      // Its translation is stale (made from an older English text) but still shipped, as the generator reports.
      closeWith: 'コード [CODE] で閉じる',
    });
    expect(info.menus.closeCodes?.items).toEqual([['通常', '1000'], ['custom', '4000']]);
    expect(firstArgument(info, 'whenMessage')).toMatchObject({ options: [['text', 'text'], ['バイナリ', 'binary']] });
  });

  it("starts only the hat's scripts whose field matches, when the VM starts it with that field", async () => {
    const project = new ProjectBuilder({ [FULL_FIXTURE_ID]: scriptURL });
    const whenMessage = (kind: string) => block(`${FULL_FIXTURE_ID}_whenMessage`, { fields: { KIND: kind } });
    project
      .sprite('Cat')
      .list('heard')
      .script(whenMessage('text'), addToList('heard', 'text'))
      .script(whenMessage('binary'), addToList('heard', 'binary'))
      // The entry's fixture runtime answers `send [PAYLOAD]` by starting the hat with KIND = PAYLOAD.
      .script(whenFlagClicked(), block(`${FULL_FIXTURE_ID}_sendIt`, { inputs: { PAYLOAD: 'binary' } }));
    const vm = await e2e.openVm();
    await vm.loadProject('hat-field', await toSb3(project));
    await vm.greenFlag();
    await vm.waitForListLength('heard', 1, 'Cat');
    await vm.runFrames(10);
    expect(await vm.list('heard', 'Cat')).toEqual(['binary']);
  });
});
