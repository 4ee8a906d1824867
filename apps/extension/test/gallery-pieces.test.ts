import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { allBlocks, gallerySteps, readSpecModel } from '@scratch-websocket/codegen';
import { contractIdentity } from '@scratch-websocket/test-support';
import { bundleGalleryExtension, GALLERY_OUTPUT, galleryPieces, galleryPrettierOptions } from '../build';
import { loadScript, sendThroughRealServer } from './support/load-script';
import { sourceProblems } from './support/reads-as-source';

const ESLINT_CONFIG = fileURLToPath(new URL('../gallery.eslint.config.mjs', import.meta.url));
const steps = gallerySteps(readSpecModel());

describe('the gallery pieces of specs/websocket.yaml', () => {
  it('has a generated extension for every piece, in order', () => {
    expect(galleryPieces()).toEqual(steps.map((step) => step.slug));
  });

  it("starts with the contract's gallery blocks, every one of them and no other, and ends with every block", () => {
    const first = allBlocks(steps[0]!.model).filter((block) => block.blockType !== 'label');
    expect(first.map((block) => block.opcode)).toEqual(contractIdentity().blocks.map((block) => block.opcode));
    expect(allBlocks(steps.at(-1)!.model)).toEqual(allBlocks(readSpecModel()));
  });
});

// The first piece (the gallery's own blocks) and the last (every block) span what the others do.
describe.each([steps[0]!, steps.at(-1)!])('dist/gallery/pieces/$slug/ws.js', (step) => {
  let script = '';
  beforeAll(async () => {
    script = await bundleGalleryExtension(step.slug);
  }, 120_000);

  it('registers exactly the blocks of its pieces', () => {
    const { registered } = loadScript(script, true);
    const opcodes = registered[0]?.getInfo().blocks.flatMap((block) => (typeof block === 'object' && block !== null && 'opcode' in block ? [String(block.opcode)] : []));
    const expected = allBlocks(step.model).filter((block) => block.blockType !== 'label').map((block) => block.opcode);
    expect(opcodes).toEqual(expected);
  });

  it('reads as source: no bundler output, no file the gallery lacks, no Node-only code or test hook', () => {
    expect(sourceProblems(script)).toEqual([]);
  });

  it("passes prettier --check and ESLint with the gallery's settings", async () => {
    expect(await prettier.check(script, { ...(await galleryPrettierOptions()), filepath: GALLERY_OUTPUT })).toBe(true);
    const eslint = new ESLint({ overrideConfigFile: ESLINT_CONFIG, cwd: fileURLToPath(new URL('..', import.meta.url)) });
    const [result] = await eslint.lintText(script, { filePath: GALLERY_OUTPUT });
    expect((result?.messages ?? []).map((message) => `${message.line}:${message.column} ${message.ruleId ?? ''} ${message.message}`)).toEqual([]);
  });

  it('reaches a real server', async () => {
    const sent = await sendThroughRealServer(script, `from ${step.slug}`);
    expect(sent).toMatchObject({ received: `from ${step.slug}`, connected: true });
  });
});

/** The facets a piece's blocks call (handlers named `facet.method`). */
const facetsOf = (step: (typeof steps)[number]): Set<string> =>
  new Set(allBlocks(step.model).flatMap((block) => ('handler' in block && block.handler.includes('.') ? [block.handler.split('.')[0]!] : [])));

// The first piece, the one that brings the socket worker, and the last: each file holds the worker
// and the facets' code exactly when its blocks need them (Rollup leaves the rest out).
describe.each([steps[0]!, steps.find((step) => step.piece.worker) ?? steps[0]!, steps.at(-1)!])('dist/gallery/pieces/$slug/ws.js, what it leaves out', (step) => {
  let script = '';
  beforeAll(async () => {
    script = await bundleGalleryExtension(step.slug);
  }, 120_000);

  it('holds the socket worker exactly when the piece has it', () => {
    expect(script.includes('class OffThreadSockets')).toBe(step.model.socketsInWorker);
    expect(script.includes('class WorkerHub')).toBe(step.model.socketsInWorker);
  });

  it('holds the code of exactly the facets its blocks call', () => {
    expect(script.includes('class BinaryBlocks')).toBe(facetsOf(step).has('binary'));
    expect(script.includes('class ConversationBlocks')).toBe(facetsOf(step).has('conversation'));
  });
});
