import { allBlocks, isHandlerBlock, isHatBlock, readSpecModel, runsSomething, shape, showsDefault, type BlockModel } from '@scratch-websocket/codegen';
import { contractIdentity, workerPathForcedOff } from '@scratch-websocket/test-support';
import { describe, expect, it } from 'vitest';
import { setVariable, whenFlagClicked } from '../src/sb3/core';
import { EXTENSION_ID, websocket } from '../src/sb3/websocket';
import { useE2e } from './fixture';

/** The VM's `blockType` for each shape the spec and the contract name. */
const VM_BLOCK_TYPE: Record<string, string> = { command: 'command', reporter: 'reporter', boolean: 'Boolean', event: 'event', hat: 'hat' };

interface ExpectedBlock {
  opcode: string;
  blockType: string;
  /** Each argument as the VM registers it: its type and default, and its menu if it has one. */
  arguments: Record<string, { type: string; defaultValue?: unknown; menu?: string }>;
  /** Reporters and booleans only: true when the block offers no monitor checkbox. */
  disableMonitor?: boolean;
  /** Hats only: how the VM runs them. */
  hat?: HatFlags;
}

interface HatFlags {
  isEdgeActivated: boolean;
  shouldRestartExistingThreads: boolean;
}

/** Extras by shape: the monitor flag of a reporter or boolean, the flags of a hat. */
type ShapeFlags = Pick<ExpectedBlock, 'disableMonitor' | 'hat'>;

/** Each argument with the default getInfo() shows for it, if any (none for a Boolean slot, nor for a monitored block's dropdown). */
type ExpectedArguments = ReadonlyArray<{ name: string; type: string; default?: unknown; menu?: string }>;

function expectedBlock(opcode: string, blockType: string, args: ExpectedArguments, flags: ShapeFlags = {}): ExpectedBlock {
  return {
    opcode,
    blockType: VM_BLOCK_TYPE[blockType] ?? blockType,
    arguments: Object.fromEntries(
      args.map((a) => [a.name, { type: a.type, ...(a.default === undefined ? {} : { defaultValue: a.default }), ...(a.menu === undefined ? {} : { menu: a.menu }) }]),
    ),
    ...flags,
  };
}

/** What the spec says of the block's monitor or, for a hat, how the VM runs it. */
function shapeFlags(block: BlockModel): ShapeFlags {
  if (isHatBlock(block)) return { hat: { isEdgeActivated: block.isEdgeActivated, shouldRestartExistingThreads: block.shouldRestartExistingThreads } };
  return isHandlerBlock(block) && shape(block).monitor ? { disableMonitor: block.disableMonitor } : {};
}

/**
 * CONTRACT.md, Identity: the gallery's reporters and booleans offer no monitor checkbox, and its
 * hats are plain events (not edge-activated) that restart the scripts still running under them.
 */
function galleryFlags(contractShape: string): ShapeFlags {
  if (contractShape === 'reporter' || contractShape === 'boolean') return { disableMonitor: true };
  return contractShape === 'event' ? { hat: { isEdgeActivated: false, shouldRestartExistingThreads: true } } : {};
}

/** The blocks the bundle was generated from (not the palette labels), in spec order, with their shapes, arguments and monitor flag. */
const EXPECTED_BLOCKS = allBlocks(readSpecModel())
  .filter(runsSomething)
  .map((block) =>
    expectedBlock(
      block.opcode,
      block.blockType,
      block.arguments.map((argument) => ({ ...argument, default: showsDefault(argument, block) ? argument.default : undefined })),
      shapeFlags(block),
    ),
  );

/** A palette entry as the test names it: a block by its opcode, a label by its text (the VM gives labels no opcode). */
const paletteName = (block: BlockModel): string => (runsSomething(block) ? block.opcode : `label: ${block.text}`);

/** The palette: each group of the spec, with a separator between groups. */
const EXPECTED_PALETTE = readSpecModel().groups.flatMap((group, index) => [...(index === 0 ? [] : ['---']), ...group.blocks.map(paletteName)]);

/** libs/runtime/CONTRACT.md, Identity: the blocks saved projects use, which the spec must keep as they are. */
const CONTRACT = contractIdentity();

describe('smoke: the bundle in the TurboWarp VM', () => {
  const e2e = useE2e();

  it('registers gsaWebsocket with exactly the blocks of the contract, in order', async () => {
    const vm = await e2e.openVm();
    await vm.loadExtension();
    const info = await vm.extensionInfo(EXTENSION_ID);
    expect(info).not.toBeNull();
    expect(info!.name).toBe('WebSocket');
    expect(info!.color1).toBe('#307eff');

    // The VM keeps separators as '---' and adds an "Open Documentation" button for docsURI
    // before the blocks.
    const palette = info!.blocks.map(({ info: item, xml }) => {
      if (typeof item === 'string') return item;
      if (typeof item.opcode === 'string') return item.opcode;
      if (item.blockType === 'label') return `label: ${String(item.text)}`;
      return xml.includes('callbackKey="OPEN_EXTENSION_DOCS"') ? 'docs button' : xml;
    });
    expect(palette).toEqual(['docs button', ...EXPECTED_PALETTE]);
    // The spec may add blocks, but keeps every block of the contract's table, in the table's order,
    // with the table's shape and arguments.
    const contractOpcodes = CONTRACT.blocks.map((block) => block.opcode);
    expect(EXPECTED_BLOCKS.map((block) => block.opcode).filter((opcode) => contractOpcodes.includes(opcode))).toEqual(contractOpcodes);
    for (const block of CONTRACT.blocks) {
      expect(
        EXPECTED_BLOCKS.find((candidate) => candidate.opcode === block.opcode),
        `${block.opcode} in specs/websocket.yaml keeps the shape and arguments of CONTRACT.md's Identity table, and the gallery's ` +
          'flags: disableMonitor: true on a reporter; isEdgeActivated: false and shouldRestartExistingThreads: true on a hat',
      ).toEqual(expectedBlock(block.opcode, block.shape, block.arguments, galleryFlags(block.shape)));
    }
    const blocks = info!.blocks.map(({ info: item }) => item).filter((item) => typeof item !== 'string' && 'opcode' in item);
    expect(blocks).toHaveLength(EXPECTED_BLOCKS.length);
    for (const [index, expected] of EXPECTED_BLOCKS.entries()) {
      const actual = blocks[index] as Record<string, unknown>;
      expect(actual.blockType, `${expected.opcode} shape`).toBe(expected.blockType);
      const expectedArguments = expected.arguments;
      const actualArguments = (actual.arguments ?? {}) as Record<string, unknown>;
      expect(Object.keys(actualArguments), `${expected.opcode} argument names`).toEqual(Object.keys(expectedArguments));
      for (const [name, argument] of Object.entries(expectedArguments)) {
        expect(actualArguments[name], `${expected.opcode}.${name}`).toEqual(argument);
      }
      if (expected.hat !== undefined) {
        const flags = { isEdgeActivated: actual.isEdgeActivated, shouldRestartExistingThreads: actual.shouldRestartExistingThreads };
        expect(flags, `${expected.opcode}: the hat flags specs/websocket.yaml gives it`).toEqual(expected.hat);
      }
      if (expected.disableMonitor !== undefined) {
        expect(actual.disableMonitor, `${expected.opcode}: disableMonitor as specs/websocket.yaml says`).toBe(expected.disableMonitor);
      }
    }
  });

  it('loads from a saved project that names it in extensionURLs, and its reporters run', async () => {
    const project = e2e.project();
    project
      .sprite('Cat')
      .variable('connected', 'unset')
      .variable('code', 'unset')
      .script(whenFlagClicked(), setVariable('connected', websocket('isConnected')), setVariable('code', websocket('closeCode')));
    const vm = await e2e.load(project, 'saved-project');
    expect(await vm.isExtensionLoaded(EXTENSION_ID)).toBe(true);
    // From the project's extensionURLs, not TurboWarp's gallery copy of gsaWebsocket.
    expect(await vm.loadedExtensionURLs()).toEqual([e2e.server.extensionURL]);
    await vm.greenFlag();
    await vm.waitForVariable('connected', 'false', 'Cat');
    // `closing code` is the number 0 before any close, as in the gallery extension.
    expect(await vm.variable('code', 'Cat')).toBe(0);
  });

  // TurboWarp's sandbox is itself a `blob:` worker, which the page of SCRATCH_WS_WORKER=off
  // forbids (as it forbids ours): there no extension can load sandboxed at all.
  it.skipIf(workerPathForcedOff())('refuses to load sandboxed, with a message that says to load it unsandboxed', async () => {
    const vm = await e2e.openVm({ sandboxMode: 'worker' });
    const outcome = await vm.tryLoadExtension();
    expect(outcome.loaded).toBe(false);
    expect(outcome.loaded === false && outcome.error).toContain('must be loaded unsandboxed');
    expect(await vm.isExtensionLoaded(EXTENSION_ID)).toBe(false);
    // TurboWarp logs the failed load itself; that one error is expected, and nothing else.
    const errors = vm.takePageErrors();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('The WebSocket extension must be loaded unsandboxed');
  });
});
