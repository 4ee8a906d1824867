/**
 * Runs inside the browser page, next to TurboWarp's scaffolding (`window.Scaffolding`).
 * Bundled by esbuild when the test server starts and served as /harness.js. It exposes
 * `window.harness`, the only thing the Node side calls into, so every test talks to the
 * VM through these few named operations instead of ad-hoc page scripts.
 */

import { benchProbes } from './bench-probes';

interface VariableLike {
  name: string;
  type: string;
  value: unknown;
}

interface TargetLike {
  isStage: boolean;
  isOriginal: boolean;
  getName(): string;
  lookupVariableByNameAndType(name: string, type: string, skipStage?: boolean): VariableLike | undefined;
}

interface VmLike {
  runtime: {
    targets: TargetLike[];
    threads: unknown[];
    _blockInfo: Array<{
      id: string;
      name: string;
      color1: string;
      blocks: Array<{ info: Record<string, unknown> | string; json?: Record<string, unknown> | null; xml?: string }>;
      /** Each menu as the extension declared it; a dynamic menu's items are a function by then. */
      menuInfo: Record<string, { acceptReporters?: boolean; items: MenuItemLike[] | (() => Array<[string, string]>) }>;
    }>;
    getTargetForStage(): TargetLike | undefined;
    /** The palette the editor shows, one XML category per extension, as for `target`. */
    getBlocksXML(target?: TargetLike): Array<{ id: string; xml: string }>;
    on(event: string, listener: (...args: unknown[]) => void): void;
    removeListener(event: string, listener: (...args: unknown[]) => void): void;
    listenerCount(event: string): number;
    frameLoop: { framerate: number };
    /** Starts the hats `opcode` whose fields match, as a block like `broadcast` does; the threads it started. */
    startHats(opcode: string, matchFields?: Record<string, string>): unknown[] | undefined;
  };
  extensionManager: {
    loadExtensionURL(url: string): Promise<void>;
    isExtensionLoaded(id: string): boolean;
    /** URLs of the extensions loaded from URLs, by worker index (unsandboxed ones included). */
    workerURLs: Array<string | undefined>;
  };
  setFramerate(fps: number): void;
  /** Starts the frame loop (the green flag also does); does nothing if it runs. */
  start(): void;
  /** The editor's language: TurboWarp's translate follows it, and the palette is rebuilt. */
  setLocale(locale: string, messages: Record<string, string>): Promise<void>;
  setCompilerOptions(options: { enabled: boolean }): void;
}

type MenuItemLike = string | { text: string; value: string };

interface ScaffoldingLike {
  vm: VmLike;
  setup(): void;
  appendTo(element: Element): void;
  loadProject(data: ArrayBuffer): Promise<void>;
  greenFlag(): void;
  stopAll(): void;
  setExtensionSecurityManager(manager: Record<string, unknown>): void;
}

declare global {
  interface Window {
    Scaffolding: { Scaffolding: new () => ScaffoldingLike };
    harness: typeof harness;
  }
}

/** The stage variable that, when a project declares it, holds the number of the current frame. */
const FRAME_VARIABLE = 'frame';

/**
 * One palette entry as the VM keeps it: a block's info, '---' for a separator, plus its toolbox
 * XML and the block definition scratch-blocks draws from (`null` for labels and separators).
 */
export interface PaletteItem {
  info: Record<string, unknown> | string;
  json: Record<string, unknown> | null;
  xml: string;
}

/** A menu as the VM resolved it: items as [text, value], a dynamic menu's from its function. */
export interface MenuState {
  acceptReporters: boolean;
  items: Array<[string, string]>;
}

export interface HarnessOptions {
  /** Frames per second for the VM (TurboWarp allows up to 250). */
  framerate: number;
  /** URLs starting with one of these are refused by the security manager's canFetch. */
  denyFetchPrefixes: string[];
  /** How extensions run: 'unsandboxed' (what ours needs) or TurboWarp's default 'worker'. */
  sandboxMode: 'unsandboxed' | 'worker';
  /** TurboWarp compiles scripts to JavaScript; false runs them in Scratch's interpreter. */
  compiler: boolean;
}

let scaffolding: ScaffoldingLike | undefined;
let frame = 0;
let defaultFramerate = 0;
const fetchRequests: string[] = [];
let denyFetchPrefixes: string[] = [];

function vm(): VmLike {
  if (!scaffolding) throw new Error('harness.setup() has not run');
  return scaffolding.vm;
}

function findTarget(spriteName: string | undefined): TargetLike {
  const targets = vm().runtime.targets;
  const target =
    spriteName === undefined
      ? vm().runtime.getTargetForStage()
      : targets.find((candidate) => candidate.isOriginal && candidate.getName() === spriteName);
  if (!target) throw new Error(`No target named ${spriteName ?? 'Stage'}`);
  return target;
}

function lookup(name: string, type: '' | 'list', spriteName: string | undefined): VariableLike {
  const variable = findTarget(spriteName).lookupVariableByNameAndType(name, type);
  if (!variable) throw new Error(`No ${type || 'variable'} named ${name} on ${spriteName ?? 'Stage'}`);
  return variable;
}

const harness = {
  setup(options: HarnessOptions): void {
    denyFetchPrefixes = options.denyFetchPrefixes;
    scaffolding = new window.Scaffolding.Scaffolding();
    scaffolding.setup();
    scaffolding.appendTo(document.getElementById('stage')!);
    scaffolding.setExtensionSecurityManager({
      getSandboxMode: () => options.sandboxMode,
      canLoadExtensionFromProject: () => true,
      // Every permission request is recorded, so a test can show that the extension asked.
      canFetch: (url: string) => {
        fetchRequests.push(url);
        return !denyFetchPrefixes.some((prefix) => url.startsWith(prefix));
      },
    });
    defaultFramerate = scaffolding.vm.runtime.frameLoop.framerate; // TurboWarp's own, before the test's
    scaffolding.vm.setFramerate(options.framerate);
    scaffolding.vm.setCompilerOptions({ enabled: options.compiler });
    // Counted before threads step, so a script reading `frame` sees the frame it runs in.
    scaffolding.vm.runtime.on('BEFORE_EXECUTE', () => {
      frame++;
      const stage = scaffolding?.vm.runtime.getTargetForStage();
      const variable = stage?.lookupVariableByNameAndType(FRAME_VARIABLE, '');
      if (variable) variable.value = frame;
    });
  },

  async loadExtension(url: string): Promise<void> {
    await vm().extensionManager.loadExtensionURL(url);
  },

  /** Loads an extension and reports how it went, as text, instead of throwing across to Node. */
  async tryLoadExtension(url: string): Promise<{ loaded: true } | { loaded: false; error: string }> {
    try {
      await vm().extensionManager.loadExtensionURL(url);
      return { loaded: true };
    } catch (error) {
      return { loaded: false, error: error instanceof Error ? error.message : String(error) };
    }
  },

  async loadProject(url: string): Promise<void> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Fetching ${url} gave HTTP ${response.status}`);
    await scaffolding!.loadProject(await response.arrayBuffer());
  },

  greenFlag(): void {
    scaffolding!.greenFlag();
  },

  /** Starts the VM's frames without the green flag, as the player does on load. */
  startFrames(): void {
    vm().start();
  },

  stopAll(): void {
    scaffolding!.stopAll();
  },

  /**
   * Broadcasts `message` as Scratch's `broadcast` block does: a `when I receive` script still
   * running starts again from its hat (the VM's restart of an existing thread).
   */
  broadcast(message: string): void {
    vm().runtime.startHats('event_whenbroadcastreceived', { BROADCAST_OPTION: message });
  },

  variable(name: string, spriteName?: string): unknown {
    return lookup(name, '', spriteName).value;
  },

  /** Lets a test signal a waiting script, as a user clicking a button would. */
  setVariable(name: string, value: string | number, spriteName?: string): void {
    lookup(name, '', spriteName).value = value;
  },

  list(name: string, spriteName?: string): unknown[] {
    return [...(lookup(name, 'list', spriteName).value as unknown[])];
  },

  /** Names of every target, clones included, in the VM's order. */
  targetNames(): string[] {
    return vm().runtime.targets.map((target) => target.getName());
  },

  cloneCount(spriteName: string): number {
    return vm().runtime.targets.filter((target) => !target.isOriginal && target.getName() === spriteName).length;
  },

  threadCount(): number {
    return vm().runtime.threads.length;
  },

  /** How many listeners the VM runtime holds for each of these events (its EventEmitter API). */
  listenerCounts(events: string[]): Record<string, number> {
    return Object.fromEntries(events.map((event) => [event, vm().runtime.listenerCount(event)]));
  },

  frame(): number {
    return frame;
  },

  /** The VM's frame rate before the harness set the test's: TurboWarp's default. */
  defaultFramerate: (): number => defaultFramerate,

  fetchRequests(): string[] {
    return [...fetchRequests];
  },

  isExtensionLoaded(id: string): boolean {
    return vm().extensionManager.isExtensionLoaded(id);
  },

  /** Where the loaded custom extensions came from: shows it was our bundle, not the gallery's. */
  loadedExtensionURLs(): string[] {
    return vm().extensionManager.workerURLs.filter((url): url is string => typeof url === 'string');
  },

  /** Sets the editor language as the GUI does (no editor messages: only extensions' own texts matter here). */
  async setLocale(locale: string): Promise<void> {
    await vm().setLocale(locale, {});
  },

  /** The registered extension as the VM keeps it: id, name, colour, each block's info and its menus. */
  extensionInfo(id: string): { id: string; name: string; color1: string; blocks: PaletteItem[]; menus: Record<string, MenuState> } | null {
    const info = vm().runtime._blockInfo.find((category) => category.id === id);
    if (!info) return null;
    return {
      id: info.id,
      name: info.name,
      color1: info.color1,
      // Through JSON so only plain data crosses to Node (block info may hold functions).
      blocks: info.blocks.map((block) => ({
        info: JSON.parse(JSON.stringify(block.info)) as Record<string, unknown> | string,
        json: block.json === undefined || block.json === null ? null : (JSON.parse(JSON.stringify(block.json)) as Record<string, unknown>),
        xml: block.xml ?? '',
      })),
      menus: Object.fromEntries(
        Object.entries(info.menuInfo).map(([name, menu]) => [
          name,
          {
            acceptReporters: menu.acceptReporters === true,
            // A dynamic menu is asked for its items as the editor asks when it opens.
            items: typeof menu.items === 'function' ? menu.items() : menu.items.map((item): [string, string] => (typeof item === 'string' ? [item, item] : [item.text, item.value])),
          },
        ]),
      ),
    };
  },

  /** The palette XML the editor shows for the extension `id` (hidden blocks left out by the VM), or null. */
  paletteXml(id: string): string | null {
    return vm().runtime.getBlocksXML(vm().runtime.getTargetForStage()).find((category) => category.id === id)?.xml ?? null;
  },

  /** Timing probes for the VM benchmark (bench/), run with the page's own clock. */
  bench: benchProbes({
    runtime: () => vm().runtime,
    frame: () => frame,
    list: (name, spriteName) => lookup(name, 'list', spriteName).value as unknown[],
  }),
};

window.harness = harness;
