import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildDemoSb3, DEMO_MESSAGE, demoProjectJson, ECHO_VARIABLE } from '../src/demo-project.js';
import { specBlocks } from './support/spec.js';

interface SbBlock {
  opcode: string;
  inputs: Record<string, unknown>;
  next: string | null;
  parent: string | null;
  topLevel: boolean;
}
interface SbTarget {
  name: string;
  isStage: boolean;
  variables: Record<string, [string, string]>;
  blocks: Record<string, SbBlock>;
  costumes: Array<{ md5ext: string; assetId: string }>;
}
interface SbProject {
  targets: SbTarget[];
  extensions: string[];
}

const ECHO = 'ws://localhost:8000/echo';

describe('demo project', () => {
  const project = demoProjectJson(ECHO) as SbProject;
  const sprite = project.targets.find((target) => !target.isStage)!;
  const stage = project.targets.find((target) => target.isStage)!;

  it('uses only opcodes and argument names that the spec declares', () => {
    const spec = new Map(specBlocks().map((block) => [`gsaWebsocket_${block.opcode}`, block.arguments.map((argument) => argument.name)]));
    const used = Object.values(sprite.blocks).filter((block) => block.opcode.startsWith('gsaWebsocket_'));
    expect(used.map((block) => block.opcode).sort()).toEqual([
      'gsaWebsocket_messageData',
      'gsaWebsocket_newInstance',
      'gsaWebsocket_onError',
      'gsaWebsocket_onMessage',
      'gsaWebsocket_sendMessage',
    ]);
    for (const block of used) {
      expect(Object.keys(block.inputs).sort(), block.opcode).toEqual([...(spec.get(block.opcode) ?? ['not in spec'])].sort());
    }
    expect(project.extensions).toEqual(['gsaWebsocket']);
  });

  it('connects to the echo server variable, sends the demo message and says what comes back', () => {
    const blocks = sprite.blocks;
    const chain = (id: string | null): string[] => (id === null ? [] : [blocks[id]!.opcode, ...chain(blocks[id]!.next)]);
    const hats = Object.entries(blocks).filter(([, block]) => block.topLevel);
    expect(hats.map(([id]) => chain(id))).toEqual([
      ['event_whenflagclicked', 'gsaWebsocket_newInstance', 'gsaWebsocket_sendMessage'],
      ['gsaWebsocket_onMessage', 'looks_say'],
      ['gsaWebsocket_onError', 'looks_say'],
    ]);
    expect(blocks.connect!.inputs.URL).toEqual([3, [12, ECHO_VARIABLE, 'echoServerVariable'], [10, ECHO]]);
    expect(blocks.send!.inputs.PAYLOAD).toEqual([1, [10, DEMO_MESSAGE]]);
    expect(blocks.say!.inputs.MESSAGE).toEqual([3, 'data', [10, 'Hello!']]);
    expect(blocks.data!.opcode).toBe('gsaWebsocket_messageData');
    expect(stage.variables).toEqual({ echoServerVariable: [ECHO_VARIABLE, ECHO] });
  });

  it('zips project.json with every costume under its md5 name', async () => {
    const zip = await JSZip.loadAsync(await buildDemoSb3(ECHO));
    const inside = JSON.parse(await zip.file('project.json')!.async('string')) as SbProject;
    expect(inside).toEqual(project);
    const costumes = inside.targets.flatMap((target) => target.costumes);
    expect(Object.keys(zip.files).sort()).toEqual(['project.json', ...costumes.map((costume) => costume.md5ext)].sort());
    for (const costume of costumes) {
      const bytes = await zip.file(costume.md5ext)!.async('nodebuffer');
      expect(createHash('md5').update(bytes).digest('hex')).toBe(costume.assetId);
      expect(bytes.toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });
});
