/** What the frame hook needs from a target with something waiting for a frame. */
export interface Deliverable {
  /** Hands over at most one waiting item (a message, a hat's turn, a queued ending), if its target is ready for it. */
  deliverNext(): void;
  /** Whether it still has something to hand over on a later frame. */
  needsFrames(): boolean;
}

/**
 * The one runtime-wide frame hook (STYLE: one hook serves all connections). It visits only the
 * targets that have something waiting, so an idle frame costs nothing per connection, and a
 * frame's cost grows with the targets that wait, not with how much each has waiting.
 */
export class FrameHook<Item extends Deliverable> {
  private readonly waiting = new Set<Item>();

  /** `drained` is told when an item has handed over everything and left the hook. */
  constructor(private readonly drained: (item: Item) => void) {}

  /** Visits `item` on every frame until it has nothing left to hand over. */
  add(item: Item): void {
    this.waiting.add(item);
  }

  /** Stops visiting `item` (its connections were stopped or forgotten); `drained` is not told. */
  remove(item: Item): void {
    this.waiting.delete(item);
  }

  /** The host's per-frame listener (TurboWarp: BEFORE_EXECUTE, before threads step). */
  readonly handleFrame = (): void => {
    for (const item of this.waiting) {
      item.deliverNext();
      if (item.needsFrames()) continue;
      this.waiting.delete(item);
      this.drained(item);
    }
  };
}
