import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { fixtureContext, FIXTURE_OUTPUTS, readFixture } from './support.js';

/** The minimal fixture with pieces: `talk` for its first group, `listen` for the rest. */
function withPieces(pieces: string, pieceOf: (group: number) => string | null): string {
  let group = -1;
  const body = readFixture('minimal.yaml').replace(/^ {2}- group: .*$/gm, (line) => {
    group += 1;
    const piece = pieceOf(group);
    return piece === null ? line : `${line}\n    piece: ${piece}`;
  });
  return body.replace(/^blocks:$/m, `${pieces}\nblocks:`);
}

const TWO_PIECES = 'pieces:\n  - { id: talk, title: Talking, summary: The first. }\n  - { id: listen, title: Listening, summary: The second. }';

describe('gallery pieces', () => {
  it('emits, for each piece, the extension, docs page and pull request of every group up to it', () => {
    const result = generate(fixtureContext('minimal.yaml', { specText: withPieces(TWO_PIECES, (group) => (group === 0 ? 'talk' : 'listen')) }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const paths = result.files.map((file) => file.path).filter((path) => path.includes('pieces'));
    expect(paths).toEqual([
      `${FIXTURE_OUTPUTS.galleryPieces}/01-talk.ts`,
      `${FIXTURE_OUTPUTS.docsGalleryPieces}/01-talk/ws.md`,
      `${FIXTURE_OUTPUTS.docsGalleryPieces}/01-talk/pull-request.md`,
      `${FIXTURE_OUTPUTS.galleryPieces}/02-listen.ts`,
      `${FIXTURE_OUTPUTS.docsGalleryPieces}/02-listen/ws.md`,
      `${FIXTURE_OUTPUTS.docsGalleryPieces}/02-listen/pull-request.md`,
    ]);
    const text = (path: string): string => result.files.find((file) => file.path === path)?.text ?? '';
    const [talking, ...rest] = result.model.groups;
    const firstOpcodes = talking!.blocks.map((block) => `${block.opcode}(`);
    const laterOpcodes = rest.flatMap((group) => group.blocks).map((block) => `opcode: '${block.opcode}'`);
    const first = text(`${FIXTURE_OUTPUTS.galleryPieces}/01-talk.ts`);
    for (const opcode of firstOpcodes) expect(first).toContain(opcode);
    for (const opcode of laterOpcodes) expect(first).not.toContain(opcode);
    const second = text(`${FIXTURE_OUTPUTS.galleryPieces}/02-listen.ts`);
    for (const opcode of laterOpcodes) expect(second).toContain(opcode);
    expect(text(`${FIXTURE_OUTPUTS.docsGalleryPieces}/02-listen/pull-request.md`)).toMatch(/^# Listening\n\nThe second\.\n/);
  });

  it.each([
    ['a group without a piece', TWO_PIECES, (group: number) => (group === 0 ? 'talk' : null), /group needs a piece: one of talk, listen/],
    ['an unknown piece', TWO_PIECES, (group: number) => (group === 0 ? 'talk' : 'shout'), /unknown piece 'shout'/],
    ['a piece with no group', TWO_PIECES, () => 'talk', /piece 'listen' has no group/],
    ['a piece named with no pieces listed', '', () => 'talk', /names a piece, but the spec lists no pieces/],
  ])('reports %s, located', (_name, pieces, pieceOf, message) => {
    const result = generate(fixtureContext('minimal.yaml', { specText: withPieces(pieces, pieceOf) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.message).join('\n')).toMatch(message);
    expect(result.problems.every((problem) => problem.line > 0)).toBe(true);
  });

  describe('the socket worker', () => {
    const piecesWith = (talk: string, listen: string): string =>
      `pieces:\n  - { id: talk, title: Talking, summary: The first.${talk} }\n  - { id: listen, title: Listening, summary: The second.${listen} }`;
    const generated = (pieces: string) => generate(fixtureContext('minimal.yaml', { specText: withPieces(pieces, (group) => (group === 0 ? 'talk' : 'listen')) }));
    const socketsInWorker = (result: ReturnType<typeof generated>, path: string): string => {
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return /export const SOCKETS_IN_WORKER = (\w+);/.exec(result.files.find((file) => file.path === path)?.text ?? '')?.[1] ?? 'missing';
    };

    it('comes with the piece that says `worker: true`: the pieces before it open the page’s own sockets, the full extension always has it', () => {
      const result = generated(piecesWith('', ', worker: true'));
      expect(socketsInWorker(result, `${FIXTURE_OUTPUTS.galleryPieces}/01-talk.ts`)).toBe('false');
      expect(socketsInWorker(result, `${FIXTURE_OUTPUTS.galleryPieces}/02-listen.ts`)).toBe('true');
      expect(socketsInWorker(result, FIXTURE_OUTPUTS.extension)).toBe('true');
    });

    it('is in every piece when no piece brings it', () => {
      const result = generated(piecesWith('', ''));
      expect(socketsInWorker(result, `${FIXTURE_OUTPUTS.galleryPieces}/01-talk.ts`)).toBe('true');
      expect(socketsInWorker(result, `${FIXTURE_OUTPUTS.galleryPieces}/02-listen.ts`)).toBe('true');
    });

    it.each([
      ['a `worker` that is not a boolean', piecesWith(', worker: yes', ''), /pieces\[0\]\.worker: .*boolean/],
      ['two pieces that bring it', piecesWith(', worker: true', ', worker: true'), /pieces\[1\]\.worker: only one piece brings the socket worker, and 'talk' already does/],
    ])('reports %s, located', (_name, pieces, message) => {
      const result = generated(pieces);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const problems = result.problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
      expect(problems).toMatch(message);
      expect(result.problems.every((problem) => problem.line > 0)).toBe(true);
    });
  });
});
