import { describe, expect, it } from 'vitest';
import { formatProblem, generate } from '../src/index.js';
import { fixtureContext, readFixture } from './support.js';

const SPEC = 'tools/codegen/test/fixtures/minimal.yaml';
/** The minimal fixture with its `send` block handled by the facet `messages`. */
const facetSpec = readFixture('minimal.yaml').replace('        handler: send\n', '        handler: messages.send\n');
/** The fixture runtime with a `messages` facet whose class lives in a module of its own. */
const runtimeWith = (property: string): string =>
  `import { Messages } from './messages.js';\n${readFixture('runtime/runtime.ts').replace(
    'export class WebSocketRuntime<Target extends object, Thread = unknown> {\n',
    `export class WebSocketRuntime<Target extends object, Thread = unknown> {\n  ${property}\n`,
  )}`;
const messagesModule = (method: string) => ({
  name: 'messages.ts',
  text: `export class Messages<Target extends object, Thread> {\n  ${method}\n}\n`,
});
const GOOD_SEND = 'send(target: Target, payload: string, thread?: Thread): void {}';

function run(runtimeText: string, method = GOOD_SEND) {
  return generate(fixtureContext('minimal.yaml', { specText: facetSpec, runtimeText, runtimeModules: [messagesModule(method)] }));
}

function problems(runtimeText: string, method = GOOD_SEND): string[] {
  const result = run(runtimeText, method);
  if (result.ok) throw new Error('expected the facet check to fail');
  return result.problems.map(formatProblem);
}

/** The generated extension.ts of a run that must succeed. */
function extensionOf(result: ReturnType<typeof run>): string {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.files.find((file) => file.path.endsWith('extension.ts'))!.text;
}

describe('handlers named facet.method', () => {
  it('calls the method on the runtime property the spec names, checked against the facet class in its own module', () => {
    const extension = extensionOf(run(runtimeWith('readonly messages: Messages<Target, Thread>;')));
    expect(extension).toContain('return this.runtime.messages!.send(util.target, this.scratch.Cast.toString(args.PAYLOAD), util.thread);');
  });

  it.each([
    ['optional', 'readonly messages?: Messages<Target, Thread>;'],
    ['or undefined', 'readonly messages: Messages<Target, Thread> | undefined;'],
  ])('finds the facet class through a property that is %s (the runtime builds only the facets it is given)', (_, property) => {
    expect(extensionOf(run(runtimeWith(property)))).toContain('return this.runtime.messages!.send(');
  });

  it('hands the runtime the classes of the facets the blocks call, imported from the runtime package', () => {
    const extension = extensionOf(run(runtimeWith('readonly messages: Messages<Target, Thread> | undefined;')));
    expect(extension).toContain("import { Messages } from '@scratch-websocket/runtime';");
    expect(extension).toContain('export const RUNTIME_FACETS: RuntimeFacets = { messages: Messages };');
  });

  it('hands the runtime no facet when no block calls one, and imports no class', () => {
    const result = generate(fixtureContext('minimal.yaml'));
    const extension = extensionOf(result);
    expect(extension).toContain('export const RUNTIME_FACETS: RuntimeFacets = {};');
    expect(extension).not.toMatch(/^import \{/m);
  });

  it('checks the facet method’s parameters as it checks the runtime’s own', () => {
    expect(problems(runtimeWith('readonly messages: Messages<Target, Thread>;'), 'send(target: Target, payload: number, thread?: Thread): void {}')).toEqual([
      expect.stringContaining(`${SPEC}:39:18 blocks[0].blocks[1].handler: handler 'messages.send' for opcode 'sendIt' takes (target: Target, payload: number, thread?: Thread)`),
    ]);
  });

  it.each([
    ['absent', ''],
    ['private', 'private readonly messages: Messages<Target, Thread>;'],
    ['not readonly', 'messages: Messages<Target, Thread>;'],
    ['not a class', 'readonly messages: { send(): void };'],
  ])('reports a facet that is %s, with the spec line', (_, property) => {
    expect(problems(runtimeWith(property))).toEqual([
      expect.stringMatching(new RegExp(`^${SPEC}:39:18 blocks\\[0\\]\\.blocks\\[1\\]\\.handler: runtime has no facet 'messages' for handler 'messages.send' of opcode 'sendIt'`)),
    ]);
  });

  it('reports a facet class without the method, naming the class', () => {
    expect(problems(runtimeWith('readonly messages: Messages<Target, Thread>;'), 'post(target: Target, payload: string, thread?: Thread): void {}')).toEqual([
      `${SPEC}:39:18 blocks[0].blocks[1].handler: runtime has no handler 'messages.send' for opcode 'sendIt' (class Messages of facet 'messages')`,
    ]);
  });

  it('refuses a handler nested deeper than one facet', () => {
    const result = generate(fixtureContext('minimal.yaml', { specText: readFixture('minimal.yaml').replace('        handler: send\n', '        handler: a.b.send\n') }));
    expect(result.ok).toBe(false);
  });
});
