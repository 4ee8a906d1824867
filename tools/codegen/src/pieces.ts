/**
 * Pieces: the pull requests in which the blocks reach TurboWarp's gallery, one reviewable
 * change at a time (issue 25). The spec lists them in order under `pieces:`, and every group
 * names the piece that adds it (`piece:`). Piece N of the gallery is every group of pieces 1..N:
 * the first is the gallery's own blocks with bug fixes only, each later one adds its groups.
 * One piece may bring the socket worker (`worker: true`): the pieces before it open the page's
 * own sockets, so their files carry none of the worker's code.
 */
import type { BlockModel, PieceModel, SpecModel } from './model.js';
import type { SpecPath } from './problems.js';
import { isRecord, type Raw } from './raw-spec.js';
import type { RuleSink } from './rules.js';

/** One step of the gallery: a piece, and the spec as the gallery has it once that piece is merged. */
export interface GalleryStep {
  piece: PieceModel;
  /** 1 for the first piece. */
  number: number;
  /** `01-gallery`: the file and folder name of its outputs, in the order they are sent. */
  slug: string;
  /** The spec cut down to the groups of this piece and the ones before, with the menus they use. */
  model: SpecModel;
  /** The groups this piece adds. */
  added: string[];
}

/**
 * When the spec lists pieces, every group names one of them and every piece has a group; ids
 * are unique. Without `pieces`, no group may name one (it would be silently ignored).
 */
export function ensurePiecesNamed(spec: Raw, sink: RuleSink): void {
  const groups = Array.isArray(spec.blocks) ? spec.blocks : [];
  if (!Array.isArray(spec.pieces)) {
    groups.forEach((group, index) => {
      if (isRecord(group) && group.piece !== undefined) sink.report(['blocks', index, 'piece'], 'names a piece, but the spec lists no pieces');
    });
    return;
  }
  const ids = new Map<string, SpecPath>();
  spec.pieces.forEach((piece, index) => {
    if (!isRecord(piece) || typeof piece.id !== 'string') return;
    if (ids.has(piece.id)) sink.report(['pieces', index, 'id'], `duplicate piece '${piece.id}'`);
    else ids.set(piece.id, ['pieces', index, 'id']);
  });
  const used = new Set<string>();
  groups.forEach((group, index) => {
    if (!isRecord(group)) return;
    if (group.piece === undefined) {
      sink.report(['blocks', index], `group needs a piece: one of ${[...ids.keys()].join(', ')} (the pull request that adds it to the gallery)`);
    } else if (typeof group.piece === 'string' && !ids.has(group.piece)) {
      sink.report(['blocks', index, 'piece'], `unknown piece '${group.piece}': expected one of ${[...ids.keys()].join(', ')}`);
    } else if (typeof group.piece === 'string') {
      used.add(group.piece);
    }
  });
  for (const [id, path] of ids) if (!used.has(id)) sink.report(path, `piece '${id}' has no group`);
  ensureOneWorkerPiece(spec.pieces, sink);
}

/** At most one piece brings the socket worker: the pieces from it on have it. */
function ensureOneWorkerPiece(pieces: unknown[], sink: RuleSink): void {
  let first: string | undefined;
  pieces.forEach((piece, index) => {
    if (!isRecord(piece) || piece.worker !== true) return;
    if (first === undefined) first = String(piece.id);
    else sink.report(['pieces', index, 'worker'], `only one piece brings the socket worker, and '${first}' already does (the pieces after it have it too)`);
  });
}

/** The gallery after each piece, in order; none when the spec lists no pieces. */
export function gallerySteps(spec: SpecModel): GalleryStep[] {
  const bringsWorker = spec.pieces.findIndex((piece) => piece.worker);
  return spec.pieces.map((piece, index) => {
    const included = new Set(spec.pieces.slice(0, index + 1).map((earlier) => earlier.id));
    const number = index + 1;
    return {
      piece,
      number,
      slug: `${String(number).padStart(2, '0')}-${piece.id}`,
      // With no piece that brings it, every piece has the worker, as the full extension.
      model: { ...withGroups(spec, (group) => included.has(group)), socketsInWorker: bringsWorker === -1 || index >= bringsWorker },
      added: spec.groups.filter((group) => group.piece === piece.id).map((group) => group.group),
    };
  });
}

/** `spec` with only the groups whose piece `keep` accepts, and only the menus their blocks use. */
function withGroups(spec: SpecModel, keep: (piece: string) => boolean): SpecModel {
  const groups = spec.groups.filter((group) => keep(group.piece));
  const used = new Set(groups.flatMap((group) => group.blocks.flatMap((block: BlockModel) => block.arguments.flatMap((argument) => argument.menu ?? []))));
  return { ...spec, groups, menus: spec.menus.filter((menu) => used.has(menu.name)) };
}
