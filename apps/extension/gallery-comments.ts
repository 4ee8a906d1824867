/**
 * The comments of our sources as the gallery's copy should have them. Our sources cite the
 * files they answer to, "(CONTRACT.md, Receiving)" or "(statistics.ts names them)", which the
 * gallery's repository does not have: a maintainer who follows one finds nothing. The sentence
 * around a citation stands without it, so the citation is dropped and the rest kept.
 */
import ts from 'typescript';

/** A mention of a file or folder that exists only in our repository. */
export const OUR_FILES = /CONTRACT\.md|\bSTYLE\b|\b[\w-]+\.(?:ts|md|mjs|yaml)\b|\b(?:apps|libs|tools|specs|src|dist)\/[\w./-]*/;

/**
 * A parenthesis (one nested pair allowed) that mentions one of our files, with the space before
 * it, and the line break and ` * ` before it when it starts a line of a doc comment (so that what
 * follows it joins the line before rather than leaving a lone `*:`).
 */
const CITATION = new RegExp(String.raw`(?:\n[ \t]*\*)?[ \t]*\((?:[^()]|\([^()]*\))*?(?:${OUR_FILES.source})(?:[^()]|\([^()]*\))*\)`, 'g');

/** "CONTRACT.md, Closing: anything else…" at the start of a comment: the rule, without its section. */
const LEADING_SECTION = /^(\/\*\*?\s*|\/\/\s*)CONTRACT\.md, [A-Z][\w ]*: (\w)/;

/** The text of one comment for the gallery, or '' to drop it (TypeScript's `/// <reference>`). */
export function galleryComment(comment: string): string {
  if (comment.startsWith('/// <reference')) return '';
  return comment
    .replace(LEADING_SECTION, (_match, opening: string, letter: string) => opening + letter.toUpperCase())
    .replace(CITATION, '');
}

/**
 * `code` (JavaScript) with every comment passed through `galleryComment`, and the comments
 * that still mention our files after it (`left`: reword them at their source). Comments are
 * found through TypeScript's parser, so text in strings and regular expressions is never touched.
 */
export function galleryComments(code: string, fileName: string): { code: string; left: string[] } {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const ranges = new Map<number, ts.CommentRange>();
  const collect = (node: ts.Node): void => {
    for (const range of ts.getLeadingCommentRanges(code, node.pos) ?? []) ranges.set(range.pos, range);
    for (const range of ts.getTrailingCommentRanges(code, node.end) ?? []) ranges.set(range.pos, range);
    ts.forEachChild(node, collect);
  };
  collect(source);
  for (const range of ts.getLeadingCommentRanges(code, source.endOfFileToken.pos) ?? []) ranges.set(range.pos, range);
  let result = '';
  let at = 0;
  const left: string[] = [];
  for (const range of [...ranges.values()].sort((a, b) => a.pos - b.pos)) {
    const comment = galleryComment(code.slice(range.pos, range.end));
    if (OUR_FILES.test(comment)) left.push(comment);
    result += code.slice(at, range.pos) + comment;
    at = range.end;
  }
  return { code: result + code.slice(at), left };
}
