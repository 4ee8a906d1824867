import { describe, expect, it } from 'vitest';
import { block, variable } from '../../src/sb3/blocks';
import { addToList, createCloneOf, defineProcedure, ifThen, setVariable, whenFlagClicked } from '../../src/sb3/core';
import { ProjectBuilder } from '../../src/sb3/project';
import { serializeProject } from '../../src/sb3/serialize';
import { websocket } from '../../src/sb3/websocket';

const EXTENSION_URL = 'http://127.0.0.1:1/websocket.js';

interface SavedBlock {
  opcode: string;
  next: string | null;
  parent: string | null;
  inputs: Record<string, unknown[]>;
  fields: Record<string, unknown[]>;
  shadow: boolean;
  topLevel: boolean;
  mutation?: Record<string, unknown>;
}

interface SavedTarget {
  variables: Record<string, unknown[]>;
  lists: Record<string, unknown[]>;
  blocks: Record<string, SavedBlock>;
}

function savedTargets(project: ProjectBuilder): SavedTarget[] {
  return serializeProject(project.model).projectJson.targets as SavedTarget[];
}

function byOpcode(blocks: Record<string, SavedBlock>, opcode: string): [string, SavedBlock] {
  const entry = Object.entries(blocks).find(([, saved]) => saved.opcode === opcode);
  if (!entry) throw new Error(`no ${opcode} block`);
  return entry;
}

/** The .sb3 builder, checked without a browser: the format the VM's deserializer reads. */
describe('serializeProject', () => {
  it('declares the extension by id and URL, as a saved project does', () => {
    const project = new ProjectBuilder({ gsaWebsocket: EXTENSION_URL });
    project.sprite('Cat').script(whenFlagClicked(), websocket('newInstance', 'ws://127.0.0.1:1/'));
    const { projectJson } = serializeProject(project.model);
    expect(projectJson.extensions).toEqual(['gsaWebsocket']);
    expect(projectJson.extensionURLs).toEqual({ gsaWebsocket: EXTENSION_URL });
  });

  it('declares no extension for a project of core blocks only', () => {
    const project = new ProjectBuilder({ gsaWebsocket: EXTENSION_URL });
    project.sprite('Cat').script(whenFlagClicked(), block('motion_movesteps', { inputs: { STEPS: 10 } }));
    const { projectJson } = serializeProject(project.model);
    expect(projectJson.extensions).toEqual([]);
    expect(projectJson.extensionURLs).toEqual({});
  });

  it('refuses a project that uses an extension it has no URL for', () => {
    const project = new ProjectBuilder({});
    project.sprite('Cat').script(whenFlagClicked(), websocket('closeWithoutReason'));
    expect(() => serializeProject(project.model)).toThrow('The project uses extension gsaWebsocket but no URL was given for it');
  });

  it('links a script by parent and next, with only the hat on top', () => {
    const project = new ProjectBuilder({ gsaWebsocket: EXTENSION_URL });
    project.sprite('Cat').script(whenFlagClicked(), websocket('sendMessage', 'a'), websocket('closeWithoutReason'));
    const blocks = savedTargets(project)[1]!.blocks;
    const [hatId, hat] = byOpcode(blocks, 'event_whenflagclicked');
    const [sendId, send] = byOpcode(blocks, 'gsaWebsocket_sendMessage');
    const [closeId, close] = byOpcode(blocks, 'gsaWebsocket_closeWithoutReason');
    expect([hat.topLevel, send.topLevel, close.topLevel]).toEqual([true, false, false]);
    expect([hat.parent, send.parent, close.parent]).toEqual([null, hatId, sendId]);
    expect([hat.next, send.next, close.next]).toEqual([sendId, closeId, null]);
  });

  it.each([
    ['text', 'hello', [1, [10, 'hello']]],
    ['number', 3000.5, [1, [4, '3000.5']]],
  ])('saves a %s literal as a compressed shadow', (_kind, value, expected) => {
    const project = new ProjectBuilder({ gsaWebsocket: EXTENSION_URL });
    project.sprite('Cat').script(whenFlagClicked(), websocket('closeWithCode', value));
    const [, close] = byOpcode(savedTargets(project)[1]!.blocks, 'gsaWebsocket_closeWithCode');
    expect(close.inputs.CODE).toEqual(expected);
  });

  it('saves reporters over a text shadow, booleans without one, variables by name and id', () => {
    const project = new ProjectBuilder({ gsaWebsocket: EXTENSION_URL });
    project.stage.variable('shared');
    project
      .sprite('Cat')
      .list('log')
      .script(
        whenFlagClicked(),
        ifThen(websocket('isConnected'), [addToList('log', websocket('messageData'))]),
        setVariable('shared', variable('shared')),
      );
    const [stage, cat] = savedTargets(project);
    const [sharedId] = Object.entries(stage!.variables).find(([, [name]]) => name === 'shared')!;
    const [logId] = Object.entries(cat!.lists).find(([, [name]]) => name === 'log')!;
    const [isConnectedId] = byOpcode(cat!.blocks, 'gsaWebsocket_isConnected');
    const [dataId] = byOpcode(cat!.blocks, 'gsaWebsocket_messageData');
    const [addId, add] = byOpcode(cat!.blocks, 'data_addtolist');
    const [, ifBlock] = byOpcode(cat!.blocks, 'control_if');
    const [, set] = byOpcode(cat!.blocks, 'data_setvariableto');
    expect(ifBlock.inputs).toEqual({ CONDITION: [2, isConnectedId], SUBSTACK: [2, addId] });
    expect(add.inputs.ITEM).toEqual([3, dataId, [10, '']]);
    expect(add.fields.LIST).toEqual(['log', logId]);
    expect(set.fields.VARIABLE).toEqual(['shared', sharedId]);
    expect(set.inputs.VALUE).toEqual([3, [12, 'shared', sharedId], [10, '']]);
  });

  it('saves menus and custom-block prototypes as shadow blocks', () => {
    const project = new ProjectBuilder({});
    project.sprite('Cat').script(...defineProcedure('burst', { warp: true }, [createCloneOf('_myself_')]));
    const blocks = savedTargets(project)[1]!.blocks;
    const [menuId, menu] = byOpcode(blocks, 'control_create_clone_of_menu');
    const [, create] = byOpcode(blocks, 'control_create_clone_of');
    const [prototypeId, prototype] = byOpcode(blocks, 'procedures_prototype');
    const [, definition] = byOpcode(blocks, 'procedures_definition');
    expect(create.inputs.CLONE_OPTION).toEqual([1, menuId]);
    expect(menu).toMatchObject({ shadow: true, fields: { CLONE_OPTION: ['_myself_', null] } });
    expect(definition.inputs.custom_block).toEqual([1, prototypeId]);
    expect(prototype.shadow).toBe(true);
    expect(prototype.mutation).toMatchObject({ proccode: 'burst', warp: 'true', argumentids: '[]' });
  });

  it('saves a visible monitor as the editor does, and declares its extension though no script uses it', () => {
    const project = new ProjectBuilder({ gsaWebsocket: EXTENSION_URL });
    project.sprite('Cat');
    project.monitor(websocket('connectionState')).monitor(websocket('statistic', 'bytes sent'));
    const { projectJson } = serializeProject(project.model);
    expect(projectJson.monitors).toMatchObject([
      { id: 'gsaWebsocket_connectionState', opcode: 'gsaWebsocket_connectionState', params: {}, spriteName: null, visible: true, mode: 'default' },
      { id: 'gsaWebsocket_statistic_bytes sent', opcode: 'gsaWebsocket_statistic', params: { STAT: 'bytes sent' }, spriteName: null, visible: true },
    ]);
    expect(projectJson.extensionURLs).toEqual({ gsaWebsocket: EXTENSION_URL });
  });

  it('refuses a monitor of a block with an input, which the editor offers none', () => {
    const project = new ProjectBuilder({ gsaWebsocket: EXTENSION_URL });
    expect(() => project.monitor(websocket('dataUrlOfText', 'hi'))).toThrow('A monitor of gsaWebsocket_dataUrlOfText cannot have inputs');
  });

  it('names the sprite and the variable when a script uses one nobody declared', () => {
    const project = new ProjectBuilder({});
    project.sprite('Cat').script(whenFlagClicked(), setVariable('missing', 1));
    expect(() => serializeProject(project.model)).toThrow('Cat uses variable "missing", which neither it nor the stage declares');
  });
});
