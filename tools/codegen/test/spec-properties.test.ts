import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatProblem, generate, type GenerateContext, type GenerateResult } from '../src/index.js';
import { FIXTURE_OUTPUTS, loadExtension, readFixture, typeCheckGenerated } from './support.js';

/**
 * Property tests over whole specs: random texts, names, defaults and prose in a valid spec
 * always give an extension that type-checks and whose getInfo() returns exactly those texts,
 * and docs pages with no markup but the template's; random damage to a spec always gives
 * located problems, never an exception. Fixed seed and bounded runs, so a run is repeatable.
 */
const SEED = 20261129;
/** Each valid run generates and type-checks a whole extension (about 0.4 s): 25 keep the file under 15 s. */
const RUNS = 25;
/** Bounded, but generous: a loaded machine may take several times as long. */
const TIMEOUT_MS = 180_000;

const HAT_EVENTS = ['open', 'message', 'error', 'close'];

/** Texts that have broken generators before: comment ends, quotes, template syntax, markup. */
const NASTY = ['*/', '/*', '//', '`', '${', '\\', "'", '"', '</script>', '<!--', '-->', '<b>', '&amp;', '{{x}}', '::', '(', ')', '<', '>', ' ', '\u00e9', '\u{1F600}'];

const textPiece = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).map((text) => text.replace(/[\p{Cc}\u2028\u2029[\]]/gu, '')),
);
/** One line of text the editor shows: no placeholders (brackets), no control characters, no braces (format-message's). */
const oneLine = fc
  .array(textPiece, { minLength: 1, maxLength: 5 })
  .map((pieces) => pieces.join('').replace(/[{}]/g, ''))
  .filter((text) => text.length > 0);
/** Prose may run over several lines and use anything. */
const prose = fc.array(fc.oneof(textPiece, fc.constantFrom('\n', '\n\n', '[link](javascript:x)', '`code <i>`')), { maxLength: 8 }).map((pieces) => pieces.join(''));
const argumentName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/);
const opcode = fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,10}$/).map((name) => `op_${name}`);

interface RandomArgument {
  name: string;
  type: 'string' | 'number' | 'boolean';
  /** None for Boolean inputs, which Scratch shows as empty slots. */
  default: string | number | undefined;
}

const randomArgument = (name: string): fc.Arbitrary<RandomArgument> =>
  fc.oneof(
    oneLine.map((value) => ({ name, type: 'string' as const, default: value })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ name, type: 'number' as const, default: value })),
    fc.constant({ name, type: 'boolean' as const, default: undefined }),
  );

/** A handler block: its text puts the arguments' placeholders between random words, in a random order. */
const handlerBlock = fc
  .uniqueArray(argumentName, { maxLength: 3, selector: (name) => name.toLowerCase().replace(/_/g, '') })
  .chain((names) => fc.tuple(fc.tuple(...names.map(randomArgument)), fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length })))
  .chain(([args, order]) =>
    fc.record({
      blockType: fc.constantFrom('command', 'reporter', 'boolean'),
      words: fc.array(oneLine, { minLength: order.length + 1, maxLength: order.length + 1 }),
      docs: prose,
    }).map(({ blockType, words, docs }) => ({
      blockType,
      text: words.map((word, index) => (index < order.length ? `${word} [${order[index]}] ` : word)).join(''),
      args,
      docs,
    })),
  );

const hatBlock = fc.record({ blockType: fc.constantFrom('event', 'hat'), text: oneLine, docs: prose });

const randomSpec = fc.record({
  name: oneLine,
  description: oneLine,
  title: oneLine,
  intro: prose,
  groupName: oneLine,
  opcodes: fc.uniqueArray(opcode, { minLength: 8, maxLength: 8 }),
  handlers: fc.array(handlerBlock, { minLength: 1, maxLength: 4 }),
  hats: fc.tuple(hatBlock, hatBlock, hatBlock, hatBlock),
});
type RandomSpec = typeof randomSpec extends fc.Arbitrary<infer T> ? T : never;

/** The spec as data (written to YAML by the yaml library, so any text is a valid scalar). */
function specData(random: RandomSpec): Record<string, unknown> {
  const handlerBlocks = random.handlers.map((block, index) => ({
    opcode: random.opcodes[index],
    blockType: block.blockType,
    text: block.text,
    ...(block.args.length > 0 ? { arguments: Object.fromEntries(block.args.map((arg) => [arg.name, arg.default === undefined ? { type: arg.type } : { type: arg.type, default: arg.default }])) } : {}),
    handler: `handler${index}`,
    docs: block.docs,
  }));
  const hats = random.hats.map((hat, index) => ({ opcode: random.opcodes[4 + index], blockType: hat.blockType, text: hat.text, event: HAT_EVENTS[index], docs: hat.docs }));
  return {
    extension: {
      id: 'randomSocket',
      name: random.name,
      color1: '#123abc',
      color2: '#0a1b2c',
      description: random.description,
      by: 'property tests',
      license: 'MIT',
      docsURI: 'https://example.com/random',
      docs: { title: random.title, intro: random.intro },
    },
    blocks: [
      { group: random.groupName, docs: random.intro, blocks: handlerBlocks },
      { group: 'Hats', blocks: hats },
    ],
  };
}

/** A runtime with one handler per block, parameters named as the arguments in the order of the text. */
function runtimeText(random: RandomSpec): string {
  const methods = random.handlers.map((block, index) => {
    const byName = new Map(block.args.map((arg) => [arg.name, arg]));
    const order = [...block.text.matchAll(/\[([^\]]*)\]/g)].map((match) => byName.get(match[1] ?? ''));
    // Upper case: the same name to the handler check, and never a reserved word (`in`, `do`).
    const parameters = order.map((arg) => `${arg?.name.toUpperCase()}: ${arg?.type}`);
    return `  handler${index}(${['target: Target', ...parameters, 'thread?: Thread'].join(', ')}): unknown { return undefined; }`;
  });
  return `${HOST}\nexport class WebSocketRuntime<Target extends object, Thread = unknown> {\n  constructor(readonly hats: HatOpcodes, readonly thread?: Thread) {}\n${methods.join('\n')}\n}\n`;
}

const HOST = 'export interface HatOpcodes {\n  open: string;\n  message: string;\n  error: string;\n  close: string;\n}\nexport type RuntimeFacets = Record<string, unknown>;\n';
const SPEC_PATH = 'tools/codegen/test/fixtures/random.yaml';

function context(specText: string, runtime: string): GenerateContext {
  const source = (path: string, text: string) => ({ path, displayPath: path, text });
  return {
    spec: source(SPEC_PATH, specText),
    runtime: source('runtime.ts', runtime),
    host: source('host.ts', HOST),
    runtimeModules: [],
    runtimeExports: { displayPath: 'index.ts', values: {} },
    translations: [],
    existingTests: new Set(),
    outputs: FIXTURE_OUTPUTS,
  };
}

function fileOf(result: GenerateResult, path: string): string {
  if (!result.ok) throw new Error(`expected the random spec to generate:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.files.find((file) => file.path === path)?.text ?? '';
}

const TEMPLATE_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'script', 'body', 'main', 'header', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'p', 'pre', 'code', 'a', 'div', 'nav', 'ul', 'li']);

describe('random valid specs', () => {
  it('give an extension whose getInfo() returns exactly their texts, and docs without foreign markup', () => {
    const typeCheckQueue: Array<{ extension: string; runtime: string }> = [];
    fc.assert(
      fc.property(randomSpec, (random) => {
        const data = specData(random);
        const runtime = runtimeText(random);
        const result = generate(context(stringify(data), runtime));
        const extension = fileOf(result, FIXTURE_OUTPUTS.extension);
        typeCheckQueue.push({ extension, runtime });

        const sandbox: Record<string, unknown> = {};
        const info = loadExtension(extension, sandbox).getInfo();
        expect(Object.keys(sandbox).sort()).toEqual(['Scratch', 'exports', 'module']);
        expect(info.name).toBe(random.name);
        const blocks = info.blocks.filter((block): block is Record<string, unknown> => typeof block === 'object');
        const expected = (data.blocks as Array<{ blocks: Array<{ opcode: string; text: string }> }>).flatMap((group) => group.blocks);
        expect(blocks.map((block) => [block.opcode, block.text])).toEqual(expected.map((block) => [block.opcode, block.text]));
        for (const [index, block] of random.handlers.entries()) {
          const defaults = Object.fromEntries(block.args.map((arg) => [arg.name, arg.default]));
          // Every argument is emitted; only those with a default carry one.
          const emitted = blocks[index]?.arguments as Record<string, { defaultValue: unknown }> | undefined;
          expect(Object.fromEntries(Object.entries(emitted ?? {}).map(([name, arg]) => [name, arg.defaultValue]))).toEqual(defaults);
        }

        const html = fileOf(result, FIXTURE_OUTPUTS.docsHtml);
        const tags = new Set([...html.split('\n').slice(1).join('\n').matchAll(/<\/?([!a-z0-9]+)/gi)].map((match) => (match[1] ?? '').toLowerCase()));
        expect([...tags].filter((tag) => !TEMPLATE_TAGS.has(tag))).toEqual([]);
        const markdown = fileOf(result, FIXTURE_OUTPUTS.docsMarkdown);
        // Outside code spans, the banner and the generator's own anchors (issue 21), every '<' is escaped.
        const prose = markdown.split('\n').slice(1).join('\n').replace(/<a id="[A-Za-z0-9_-]+"><\/a>/g, '').replace(/```[\s\S]*?```/g, '').replace(/`(?:[^`\n]|\n(?![ \t]*\n))*`/g, '');
        expect(prose.match(/(^|[^\\])</g)).toBeNull();
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(typeCheckQueue).toHaveLength(RUNS);
    expect(typeCheckGenerated(typeCheckQueue.map((run) => ({ extension: run.extension, files: { 'runtime.ts': run.runtime } })))).toEqual([]);
  }, TIMEOUT_MS);
});

describe('random damage to a valid spec', () => {
  const valid = readFixture('minimal.yaml');
  const lines = valid.split('\n');

  it('always gives located problems (or a spec that is still valid), never an exception', () => {
    const damage = fc.oneof(
      // Replace a line with random text.
      fc.tuple(fc.nat(lines.length - 1), fc.string({ unit: 'binary', maxLength: 40 })).map(([at, text]) => lines.map((line, index) => (index === at ? text : line)).join('\n')),
      // Replace a value with a random YAML value.
      fc
        .tuple(fc.nat(lines.length - 1), fc.jsonValue({ maxDepth: 3 }))
        .map(([at, value]) => lines.map((line, index) => (index === at && line.includes(': ') ? `${line.slice(0, line.indexOf(': ') + 2)}${JSON.stringify(value)}` : line)).join('\n')),
      // Insert random bytes anywhere.
      fc.tuple(fc.nat(valid.length), fc.string({ unit: 'binary', minLength: 1, maxLength: 10 })).map(([at, text]) => valid.slice(0, at) + text + valid.slice(at)),
      // Random nesting or aliases.
      fc.tuple(fc.nat(lines.length - 1), fc.integer({ min: 1, max: 3000 }), fc.constantFrom('[', '{', '- ', '&a *a ')).map(([at, depth, opener]) =>
        lines.map((line, index) => (index === at ? `${line} ${opener.repeat(depth)}` : line)).join('\n'),
      ),
    );
    const runtime = readFixture('runtime/runtime.ts');
    const host = readFixture('runtime/host.ts');
    let rejected = 0;
    fc.assert(
      fc.property(damage, (specText) => {
        const result = generate({ ...context(specText, runtime), host: { path: 'host.ts', displayPath: 'host.ts', text: host } });
        if (result.ok) return;
        rejected += 1;
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) {
          expect(problem.file).toBe(SPEC_PATH);
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.col).toBeGreaterThanOrEqual(1);
          expect(problem.message).not.toMatch(/\n\s+at |Maximum call stack/);
        }
      }),
      { seed: SEED, numRuns: RUNS * 5 },
    );
    // Most damage breaks the spec: the property is about those cases.
    expect(rejected).toBeGreaterThan(RUNS * 2);
  }, TIMEOUT_MS);
});
