import { createHash } from 'node:crypto';
import { isBlockNode, type BlockNode, type FieldValue, type InputValue } from './blocks';
import type { MonitorModel, ProjectModel, TargetModel } from './project';

/**
 * Turns a ProjectModel into the project.json of an .sb3, in the format the VM's sb3
 * deserializer reads: blocks flat by id, linked by parent/next; literal inputs as
 * compressed primitives; variables by [name, id].
 */

// Compressed primitive types of the sb3 format (scratch-vm serialization/sb3.js).
const INPUT_SAME_BLOCK_SHADOW = 1;
const INPUT_BLOCK_NO_SHADOW = 2;
const INPUT_DIFF_BLOCK_SHADOW = 3;
const MATH_NUM_PRIMITIVE = 4;
const TEXT_PRIMITIVE = 10;
const VAR_PRIMITIVE = 12;
const LIST_PRIMITIVE = 13;

/** Opcode prefixes of Scratch's own categories: everything else names an extension. */
const CORE_CATEGORIES = new Set([
  'argument', 'control', 'data', 'event', 'looks', 'motion', 'operator', 'procedures', 'sensing', 'sound',
]);

/** The extension id an opcode names (`gsaWebsocket_connectionState`), or null for Scratch's own blocks. */
function extensionOf(opcode: string): string | null {
  const category = opcode.slice(0, opcode.indexOf('_'));
  return CORE_CATEGORIES.has(category) ? null : category;
}

/** Boolean slots have no shadow, so a block in them is saved without one. */
function isBooleanSlot(opcode: string, input: string): boolean {
  if (input === 'CONDITION') return true;
  return ['operator_and', 'operator_or', 'operator_not'].includes(opcode);
}

/** A plain square costume, so every target has the one costume Scratch requires. */
export const COSTUME_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20" fill="#307eff"/></svg>';
export const COSTUME_MD5 = createHash('md5').update(COSTUME_SVG).digest('hex');

interface Ids {
  next(kind: string): string;
}

interface VariableIds {
  variables: Map<string, string>;
  lists: Map<string, string>;
}

function targetIds(target: TargetModel, ids: Ids): VariableIds {
  return {
    variables: new Map([...target.variables.keys()].map((name) => [name, ids.next(`var-${name}`)])),
    lists: new Map([...target.lists.keys()].map((name) => [name, ids.next(`list-${name}`)])),
  };
}

class TargetSerializer {
  readonly blocks: Record<string, Record<string, unknown>> = {};
  readonly extensionIds = new Set<string>();

  constructor(
    private readonly target: TargetModel,
    private readonly own: VariableIds,
    private readonly stage: VariableIds,
    private readonly ids: Ids,
  ) {}

  private resolve(kind: 'variables' | 'lists', name: string): string {
    const id = this.own[kind].get(name) ?? this.stage[kind].get(name);
    if (!id) throw new Error(`${this.target.name} uses ${kind === 'lists' ? 'list' : 'variable'} "${name}", which neither it nor the stage declares`);
    return id;
  }

  private field(value: FieldValue): [string, string | null] {
    if (typeof value === 'string') return [value, null];
    if ('variable' in value) return [value.variable, this.resolve('variables', value.variable)];
    return [value.list, this.resolve('lists', value.list)];
  }

  private input(parentId: string, opcode: string, name: string, value: InputValue): unknown[] {
    if (typeof value === 'string') return [INPUT_SAME_BLOCK_SHADOW, [TEXT_PRIMITIVE, value]];
    if (typeof value === 'number') return [INPUT_SAME_BLOCK_SHADOW, [MATH_NUM_PRIMITIVE, String(value)]];
    const emptyShadow = [TEXT_PRIMITIVE, ''];
    if (isBlockNode(value)) {
      const id = this.block(value, parentId, false);
      if (value.shadow) return [INPUT_SAME_BLOCK_SHADOW, id];
      if (isBooleanSlot(opcode, name)) return [INPUT_BLOCK_NO_SHADOW, id];
      return [INPUT_DIFF_BLOCK_SHADOW, id, emptyShadow];
    }
    if ('variable' in value) {
      return [INPUT_DIFF_BLOCK_SHADOW, [VAR_PRIMITIVE, value.variable, this.resolve('variables', value.variable)], emptyShadow];
    }
    if ('list' in value) {
      return [INPUT_DIFF_BLOCK_SHADOW, [LIST_PRIMITIVE, value.list, this.resolve('lists', value.list)], emptyShadow];
    }
    const menuId = this.ids.next('menu');
    this.blocks[menuId] = {
      opcode: value.menu, next: null, parent: parentId, inputs: {}, fields: { [value.field]: [value.value, null] },
      shadow: true, topLevel: false,
    };
    return [INPUT_SAME_BLOCK_SHADOW, menuId];
  }

  /** Saves a stack of blocks; returns the id of its first block. */
  stack(nodes: readonly BlockNode[], parentId: string | null, position?: { x: number; y: number }): string | null {
    let firstId: string | null = null;
    let previousId: string | null = null;
    for (const node of nodes) {
      const id = this.block(node, previousId ?? parentId, previousId === null && position !== undefined, position);
      if (previousId) this.blocks[previousId]!.next = id;
      firstId ??= id;
      previousId = id;
    }
    return firstId;
  }

  private block(node: BlockNode, parentId: string | null, topLevel: boolean, position?: { x: number; y: number }): string {
    const id = this.ids.next('block');
    const category = extensionOf(node.opcode);
    if (category !== null) this.extensionIds.add(category);
    const saved: Record<string, unknown> = {
      opcode: node.opcode, next: null, parent: parentId, inputs: {}, fields: {}, shadow: node.shadow ?? false, topLevel,
    };
    if (topLevel && position) Object.assign(saved, position);
    if (node.mutation) saved.mutation = { children: [], ...node.mutation };
    this.blocks[id] = saved;
    const inputs: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(node.inputs ?? {})) inputs[name] = this.input(id, node.opcode, name, value);
    for (const [name, body] of Object.entries(node.substacks ?? {})) {
      const first = this.stack(body, id);
      if (first) inputs[name] = [INPUT_BLOCK_NO_SHADOW, first];
    }
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(node.fields ?? {})) fields[name] = this.field(value);
    saved.inputs = inputs;
    saved.fields = fields;
    return id;
  }
}

export interface SerializedProject {
  projectJson: Record<string, unknown>;
  /** Asset files by name (md5ext) to put next to project.json. */
  assets: Map<string, string>;
}

export function serializeProject(project: ProjectModel): SerializedProject {
  let counter = 0;
  const ids: Ids = { next: (kind) => `${kind}-${++counter}` };
  const stageIds = targetIds(project.stage, ids);
  const extensionIds = new Set<string>();
  const targets = [project.stage, ...project.sprites].map((target, layerOrder) => {
    const own = target.isStage ? stageIds : targetIds(target, ids);
    const serializer = new TargetSerializer(target, own, stageIds, ids);
    target.scripts.forEach((script, index) => serializer.stack(script, null, { x: 0, y: index * 400 }));
    serializer.extensionIds.forEach((id) => extensionIds.add(id));
    return targetJson(target, own, serializer.blocks, layerOrder);
  });

  const monitors = project.monitors.map((monitor, index) => monitorJson(monitor, index));
  for (const monitor of project.monitors) {
    const category = extensionOf(monitor.opcode);
    if (category !== null) extensionIds.add(category);
  }

  const extensionURLs: Record<string, string> = {};
  for (const id of extensionIds) {
    const url = project.extensionURLs[id];
    if (!url) throw new Error(`The project uses extension ${id} but no URL was given for it`);
    extensionURLs[id] = url;
  }
  return {
    projectJson: {
      targets,
      monitors,
      extensions: [...extensionIds],
      extensionURLs,
      meta: { semver: '3.0.0', vm: '0.2.0', agent: 'scratch-websocket e2e sb3 builder' },
    },
    assets: new Map([[`${COSTUME_MD5}.svg`, COSTUME_SVG]]),
  };
}

function targetJson(target: TargetModel, own: VariableIds, blocks: Record<string, unknown>, layerOrder: number) {
  const common = {
    isStage: target.isStage,
    name: target.name,
    variables: Object.fromEntries([...target.variables].map(([name, value]) => [own.variables.get(name)!, [name, value]])),
    lists: Object.fromEntries([...target.lists].map(([name, value]) => [own.lists.get(name)!, [name, value]])),
    broadcasts: {},
    blocks,
    comments: {},
    currentCostume: 0,
    costumes: [
      {
        name: 'square', assetId: COSTUME_MD5, md5ext: `${COSTUME_MD5}.svg`, dataFormat: 'svg',
        rotationCenterX: 10, rotationCenterY: 10,
      },
    ],
    sounds: [],
    volume: 100,
    layerOrder,
  };
  if (target.isStage) {
    return { ...common, tempo: 60, videoTransparency: 50, videoState: 'off', textToSpeechLanguage: null };
  }
  return {
    ...common, visible: true, x: 0, y: 0, size: 100, direction: 90, draggable: false, rotationStyle: 'all around',
  };
}

/**
 * A visible monitor as the editor saves one of a reporter that belongs to no sprite: its id is
 * the opcode, followed by the values of its fields (`<opcode>_<value>`) when it has some.
 */
function monitorJson(monitor: MonitorModel, index: number) {
  return {
    id: [monitor.opcode, ...Object.values(monitor.params)].join('_'),
    mode: 'default',
    opcode: monitor.opcode,
    params: monitor.params,
    spriteName: null,
    value: '',
    width: 0,
    height: 0,
    x: 5,
    y: 5 + index * 30,
    visible: true,
    sliderMin: 0,
    sliderMax: 100,
    isDiscrete: true,
  };
}
