import { describe, expect, it } from 'vitest';
import { SOURCE_RULES, sourceProblems } from './support/reads-as-source';

/** For each rule, a line it must catch: what esbuild wrote into dist/gallery/ws.js before issue 25, or Node-only code. */
const CAUGHT: Record<string, string> = {
  'a bundler path comment (// libs/runtime/src/…)': '  // libs/runtime/src/bindings.ts',
  'a mention of a file the gallery does not have (CONTRACT.md, a .ts file, our folders)': '  /** A close (CONTRACT.md, Closing). */',
  'a /* @__PURE__ */ annotation': '    names = /* @__PURE__ */ new WeakMap();',
  '`void 0` where undefined reads better': '      fields === void 0 ? void 0 : { ...fields },',
  'a top-level `var` (a bundler rewrote const/let)': '  var RECONNECT_CLOSE_CODES = new Set([',
  'a name renamed by the bundler (Foo2, foo$1)': '  var ConnectionRegistry2 = class {',
  'a TypeScript leftover: a /// reference or an empty field a parameter property left': '    registry;',
  'an eslint directive': '        // eslint-disable-next-line extension/should-translate\n        name: "WebSocket",',
  "Node's Buffer": '    const NodeBuffer = globalThis.Buffer;',
  "ws's socket.terminate": '        this.use(() => socket.terminate.call(socket));',
  'a listener fallback for emitters without off/removeListener': '      else if (typeof vmRuntime.removeListener === "function")',
  'a test hook (timing, reconnectDelay, connectionCount, waitForFrames)': '    get connectionCount() {',
  'the unused hat fields argument': '      vmRuntime.startHats(opcode, fields, target)',
  'media-type handling no block reads': '        mediaType: mediaTypeOf(writtenType),',
  'a Node-only switch left in (NODE_AND_TESTS)': '    if (!NODE_AND_TESTS) return null;',
};

describe('the rules a gallery file must pass to read as source', () => {
  it('has an example for every rule', () => {
    expect(Object.keys(CAUGHT).sort()).toEqual(SOURCE_RULES.map((rule) => rule.name).sort());
  });

  it.each(SOURCE_RULES.map((rule) => [rule.name, rule] as const))('catches %s', (name, rule) => {
    expect(rule.find(CAUGHT[name]!)).not.toEqual([]);
  });

  it('passes what a person would write', () => {
    const written = [
      '  /** The code sent when a close block is given nothing a program may send (RFC 6455 §7.4.1). */',
      '  const NORMAL_CLOSURE = 1000;',
      '  class Bindings {',
      '    names = new WeakMap();',
      '  }',
      '  function canFetch(url) {',
      '    return Scratch.canFetch(url);',
      '  }',
      '    if (data instanceof ArrayBuffer) return new Uint8Array(data);',
      '    const value = undefined;',
    ].join('\n');
    expect(sourceProblems(written)).toEqual([]);
  });
});
