import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allBlocks, gallerySteps, readSpecModel, type GalleryStep } from '@scratch-websocket/codegen';

/**
 * The test files of this suite that each gallery piece must pass, by piece id (specs/websocket.yaml,
 * `pieces:`): each uses only blocks that piece has, with the pieces before it, so it runs against
 * that piece's ws.js (apps/extension/dist/gallery/pieces/<NN-id>/ws.js) as it is. A new piece
 * lists the files that test its blocks here.
 */
export const PIECE_TESTS: Readonly<Record<string, readonly string[]>> = {
  gallery: ['receiving', 'closing', 'arrival-order', 'reporter-values', 'lifetime', 'connections', 'cloud-protocol'],
  status: ['errors', 'local-network'],
  binary: ['beyond-gallery-binary'],
  // The socket worker comes with this piece (`worker: true`), and the flood test is about it.
  queue: ['beyond-gallery-queue', 'flood'],
  reconnect: ['beyond-gallery-reconnect'],
  connections: ['several-connections'],
  values: ['binary-mqtt'],
  // monitors checks every monitor of the whole spec, so it runs with the last piece, which has them all.
  conversations: ['conversations', 'conversations-clones', 'monitors'],
};

/** A test file of this suite, by name (`receiving` → test/receiving.test.ts). */
export const testFile = (name: string): string => fileURLToPath(new URL(`../test/${name}.test.ts`, import.meta.url));

/** The opcodes a test file (or the scenario it builds on) uses with `websocket('<opcode>', …)`. */
export function opcodesUsed(name: string): string[] {
  const sources = [testFile(name), fileURLToPath(new URL('./scenario.ts', import.meta.url))].map((file) => readFileSync(file, 'utf8'));
  return [...new Set(sources.flatMap((source) => [...source.matchAll(/websocket\('([A-Za-z]\w*)'/g)].map((match) => match[1]!)))].sort();
}

/** Each piece with its test files, and the opcodes they use that the piece lacks (none, for a good mapping). */
export function pieceTestPlan(): Array<{ step: GalleryStep; files: string[]; missing: string[] }> {
  return gallerySteps(readSpecModel()).map((step) => {
    const has = new Set(allBlocks(step.model).map((block) => block.opcode));
    const files = [...(PIECE_TESTS[step.piece.id] ?? [])];
    const missing = files.flatMap((file) => opcodesUsed(file).filter((opcode) => !has.has(opcode)).map((opcode) => `${file}: ${opcode}`));
    return { step, files, missing };
  });
}
