/**
 * What a gallery maintainer would flag in a file that reads as another project's build output
 * (issue 25), each as a rule with a name, so a test can show every rule catching its case.
 */
import { OUR_FILES } from '../../gallery-comments';

export interface SourceRule {
  /** What a reviewer would say. */
  readonly name: string;
  /** The offending lines of `script` (1-based numbers and text), none when it passes. */
  readonly find: (script: string) => string[];
}

const lines = (script: string): string[] => script.split('\n');

/** The lines matching `pattern`, as `N: text`. */
function matching(pattern: RegExp): (script: string) => string[] {
  return (script) => lines(script).flatMap((line, i) => (pattern.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
}

/** Whether a line is (part of) a comment rather than code, by how it starts. */
const isCommentLine = (line: string): boolean => /^\s*(\/\/|\/\*|\*)/.test(line);

/** The code lines (not comments) matching `pattern`. */
function codeMatching(pattern: RegExp): (script: string) => string[] {
  return (script) => lines(script).flatMap((line, i) => (!isCommentLine(line) && pattern.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
}

/**
 * Any lint directive. The gallery's current file needs two (a literal name in getInfo(), a
 * `new WebSocket` after the permission check); ours needs none: the name is a constant that
 * says why it stays in English, and the runtime constructs the socket it is given one line
 * after `Scratch.canFetch` allowed the URL.
 */
function directives(script: string): string[] {
  return lines(script).flatMap((line, i) => (/eslint-(disable|enable)/.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
}

/** Every rule; a script that reads as source has no finding under any of them. */
export const SOURCE_RULES: readonly SourceRule[] = [
  { name: 'a bundler path comment (// libs/runtime/src/…)', find: matching(/^\s*\/\/ [\w@.-]+(\/[\w@.-]+)+\.[jt]s$/) },
  { name: 'a mention of a file the gallery does not have (CONTRACT.md, a .ts file, our folders)', find: matching(new RegExp(OUR_FILES.source)) },
  { name: 'a /* @__PURE__ */ annotation', find: matching(/@__PURE__|#__PURE__/) },
  { name: '`void 0` where undefined reads better', find: codeMatching(/\bvoid 0\b/) },
  { name: 'a top-level `var` (a bundler rewrote const/let)', find: matching(/^ {2}var /) },
  { name: 'a name renamed by the bundler (Foo2, foo$1)', find: codeMatching(/\b[A-Za-z_]\w*\$\d+\b|\b(?:[A-Z][a-z]+)+[2-9]\b/) },
  { name: 'a TypeScript leftover: a /// reference or an empty field a parameter property left', find: matching(/^\s*\/\/\/ <reference|^\s{4}[a-zA-Z_]\w*;$/) },
  { name: 'an eslint directive', find: directives },
  { name: "Node's Buffer", find: codeMatching(/(?<!Array)\bBuffer\b/) },
  // A socket's terminate() is ws's (Node); a Worker's terminate() is the browser's own.
  { name: "ws's socket.terminate", find: codeMatching(/\b(?:socket|link|client)\??\.terminate\b/) },
  { name: 'a listener fallback for emitters without off/removeListener', find: codeMatching(/typeof \w+\.(off|removeListener) === "function"/) },
  { name: 'a test hook (timing, reconnectDelay, connectionCount, waitForFrames)', find: codeMatching(/\b(resolveTiming|reconnectDelayOption|options\.timing|options\.reconnectDelay|connectionCount|waitForFrames)\b/) },
  { name: 'the unused hat fields argument', find: codeMatching(/startHats\([^)]*fields/) },
  { name: 'media-type handling no block reads', find: codeMatching(/\bmediaTypeOf\b|\bMEDIA_TYPE_ESSENCE\b|\bDEFAULT_DATA_URL_MEDIA_TYPE\b/) },
  { name: 'a Node-only switch left in (NODE_AND_TESTS)', find: codeMatching(/\bNODE_AND_TESTS\b/) },
];

/** Every finding in `script`, as `rule: line`. */
export function sourceProblems(script: string): string[] {
  return SOURCE_RULES.flatMap((rule) => rule.find(script).map((found) => `${rule.name}: ${found}`));
}
