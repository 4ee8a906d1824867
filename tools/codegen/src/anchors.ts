/**
 * The docs pages' anchors: an id for every heading and block, made by the generator from
 * the spec's names, so the table of contents and cross references can link them (issue 21).
 * An id holds only ASCII letters, digits, `-` and `_`: whatever a spec names, an id cannot end
 * its attribute or carry markup, and every link the pages have points into the page itself.
 */

/** Letters, digits, `-` and `_`: safe in an HTML attribute and in a Markdown link destination. */
export const ANCHOR_ID = /^[A-Za-z0-9_-]+$/;

/** A heading's id as GitHub makes it for plain words: lower case, other characters as `-`. */
export function headingSlug(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}

/** A block's id, as the HTML page has always had it: `block-` and its opcode (`$` made `-`). */
export function blockAnchor(opcode: string): string {
  return `block-${opcode.replace(/[^A-Za-z0-9_]/g, '-')}`;
}

/**
 * Hands out ids, each once per page: a second heading with the same slug gets `-2`, as
 * GitHub numbers repeated headings, so no link can land on the wrong one.
 */
export class AnchorRegistry {
  private readonly taken = new Set<string>();

  /** Reserves ids that must stay as they are (blocks' ids, which others may already link). */
  reserve(ids: readonly string[]): void {
    for (const id of ids) this.taken.add(id);
  }

  /** A free id for a heading with this text. */
  forHeading(text: string): string {
    const base = headingSlug(text);
    let id = base;
    for (let count = 2; this.taken.has(id); count += 1) id = `${base}-${count}`;
    this.taken.add(id);
    return id;
  }
}

/** A topic prose may refer to as "see NAME": a group or section of the page, and its id. */
export interface Reference {
  name: string;
  anchor: string;
}

/**
 * Prose, already rendered for its page, with each "see NAME" (NAME a group or section of the
 * page, perhaps wrapped over lines) made a link to that heading. `renderName` gives the name as
 * the page writes it (escaped), `link` the page's link around it; nothing else is linked.
 */
export function linkReferences(
  rendered: string,
  references: readonly Reference[],
  renderName: (name: string) => string,
  link: (text: string, anchor: string) => string,
): string {
  // Longest names first, so "Keeping up with a fast server" wins over a group named "Keeping".
  const byLength = [...references].sort((a, b) => b.name.length - a.name.length);
  let result = rendered;
  for (const { name, anchor } of byLength) {
    const words = renderName(name).split(/\s+/).filter((word) => word !== '').map(escapeRegExp);
    if (words.length === 0 || !ANCHOR_ID.test(anchor)) continue;
    // Only after "see " and up to a word boundary; the wrap (a line break) is kept as written.
    const pattern = new RegExp(`(\\bsee\\s+)(${words.join('\\s+')})(?![\\w\\]])`, 'g');
    result = result.replace(pattern, (_match, see: string, text: string) => `${see}${link(text, anchor)}`);
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
