import { describe, expect, it } from 'vitest';
import { formatProblem, generate } from '../src/index.js';
import { fixtureContext, readFixture } from './support.js';

/** The fixture's `send [PAYLOAD]` with a second string argument: `send [PAYLOAD] to [TO]`. */
const sendTo = readFixture('minimal.yaml')
  .replace('        text: send [PAYLOAD]\n', '        text: send [PAYLOAD] to [TO]\n')
  .replace('            type: string\n        handler: send\n', '            type: string\n          TO:\n            type: string\n        handler: send\n');
const SPEC = 'tools/codegen/test/fixtures/minimal.yaml';
const RUNTIME = 'tools/codegen/test/fixtures/runtime/runtime.ts';
const HOST = 'tools/codegen/test/fixtures/runtime/host.ts';
const runtime = readFixture('runtime/runtime.ts');
const host = readFixture('runtime/host.ts');

function problems(overrides: { runtimeText?: string; hostText?: string; specText?: string }): string[] {
  const result = generate(fixtureContext('minimal.yaml', overrides));
  if (result.ok) throw new Error('expected the runtime check to fail');
  return result.problems.map(formatProblem);
}

describe('checking the spec against the runtime', () => {
  it('names the opcode, the handler and the spec line when the runtime has no such handler', () => {
    const withoutSend = runtime.replace('  send(target: Target, payload: string, thread?: Thread): void {}\n', '');
    expect(problems({ runtimeText: withoutSend })).toEqual([
      `${SPEC}:39:18 blocks[0].blocks[1].handler: runtime has no handler 'send' for opcode 'sendIt' (WebSocketRuntime in ${RUNTIME})`,
    ]);
  });

  it('does not accept a private method as a handler', () => {
    const privateSend = runtime.replace('  send(target: Target', '  private send(target: Target');
    expect(problems({ runtimeText: privateSend })).toEqual([
      `${SPEC}:39:18 blocks[0].blocks[1].handler: runtime has no handler 'send' for opcode 'sendIt' (WebSocketRuntime in ${RUNTIME})`,
    ]);
  });

  it('reports a handler whose parameters do not match the arguments the spec declares', () => {
    const numberCode = runtime.replace('closeWithReason(target: Target, reason: string, code: number, thread?: Thread)', 'closeWithReason(target: Target, reason: string, code: string, thread?: Thread)');
    const noTarget = numberCode.replace('isConnected(target: Target, thread?: Thread): boolean', 'isConnected(): boolean');
    expect(problems({ runtimeText: noTarget })).toEqual([
      `${SPEC}:67:18 blocks[1].blocks[4].handler: handler 'isConnected' for opcode 'connected' takes (), but the spec implies (target: Target, thread?: Thread)`,
      `${SPEC}:84:18 blocks[2].blocks[0].handler: handler 'closeWithReason' for opcode 'closeWith' takes (target: Target, reason: string, code: string, thread?: Thread), but the spec implies (target: Target, REASON: string, CODE: number, thread?: Thread)`,
    ]);
  });

  it('reports a handler that takes two string arguments in the opposite order to the text', () => {
    const swapped = runtime.replace('send(target: Target, payload: string, thread?: Thread)', 'send(target: Target, to: string, payload: string, thread?: Thread)');
    expect(problems({ runtimeText: swapped, specText: sendTo })).toEqual([
      `${SPEC}:41:18 blocks[0].blocks[1].handler: handler 'send' for opcode 'sendIt' takes (target: Target, to: string, payload: string, thread?: Thread), but the spec implies (target: Target, PAYLOAD: string, TO: string, thread?: Thread)`,
    ]);
  });

  it('accepts the same handler once its parameters follow the text', () => {
    const inOrder = runtime.replace('send(target: Target, payload: string, thread?: Thread)', 'send(target: Target, payload: string, to: string, thread?: Thread)');
    expect(generate(fixtureContext('minimal.yaml', { runtimeText: inOrder, specText: sendTo })).ok).toBe(true);
  });

  it('reports a parameter named for no argument, even of the right type', () => {
    const renamed = runtime.replace('send(target: Target, payload: string, thread?: Thread)', 'send(target: Target, message: string, thread?: Thread)');
    expect(problems({ runtimeText: renamed })).toEqual([
      `${SPEC}:39:18 blocks[0].blocks[1].handler: handler 'send' for opcode 'sendIt' takes (target: Target, message: string, thread?: Thread), but the spec implies (target: Target, PAYLOAD: string, thread?: Thread)`,
    ]);
  });

  it('compares types, not their spelling: an alias of string is a string, a union with it is not', () => {
    const aliased = runtime.replace('send(target: Target, payload: string, thread?: Thread)', 'send(target: Target, payload: Text, thread?: Thread)') + '\ntype Text = string;\n';
    expect(generate(fixtureContext('minimal.yaml', { runtimeText: aliased })).ok).toBe(true);
    const union = runtime.replace('send(target: Target, payload: string, thread?: Thread)', 'send(target: Target, payload: string | number, thread?: Thread)');
    expect(problems({ runtimeText: union })).toEqual([
      `${SPEC}:39:18 blocks[0].blocks[1].handler: handler 'send' for opcode 'sendIt' takes (target: Target, payload: string | number, thread?: Thread), but the spec implies (target: Target, PAYLOAD: string, thread?: Thread)`,
    ]);
  });

  it('reports a hat whose event is not a key of HatOpcodes, and a key that no hat covers', () => {
    const renamed = host.replace('  error: string;', '  failure: string;');
    expect(problems({ hostText: renamed })).toEqual([
      `${SPEC}:19:3 blocks: no hat has event 'failure', but HatOpcodes in ${HOST} needs an opcode for it`,
      `${SPEC}:58:16 blocks[1].blocks[2].event: HatOpcodes in ${HOST} has no event 'error' for opcode 'whenError' (it has open, message, failure, close)`,
    ]);
  });

  it('reports a runtime without the WebSocketRuntime class', () => {
    expect(problems({ runtimeText: 'export class SomethingElse {}' })).toEqual([`${SPEC}:19:3 blocks: ${RUNTIME} has no class WebSocketRuntime`]);
  });
  describe('the running thread, last', () => {
    const SEND = `${SPEC}:39:18 blocks[0].blocks[1].handler: handler 'send' for opcode 'sendIt'`;
    const IMPLIED = 'but the spec implies (target: Target, PAYLOAD: string, thread?: Thread)';
    const sendWith = (parameters: string): string => runtime.replace('send(target: Target, payload: string, thread?: Thread)', `send(${parameters})`);

    it('accepts a trailing `thread?: Thread`', () => {
      expect(generate(fixtureContext('minimal.yaml')).ok).toBe(true);
    });

    it('reports a handler without the thread parameter', () => {
      expect(problems({ runtimeText: sendWith('target: Target, payload: string') })).toEqual([
        `${SEND} takes (target: Target, payload: string), ${IMPLIED}`,
      ]);
    });

    it('reports a thread parameter under another name', () => {
      expect(problems({ runtimeText: sendWith('target: Target, payload: string, script?: Thread') })).toEqual([
        `${SEND} takes (target: Target, payload: string, script?: Thread), ${IMPLIED}`,
      ]);
    });

    it('reports a thread parameter that is not optional, or optional through a default value', () => {
      expect(problems({ runtimeText: sendWith('target: Target, payload: string, thread: Thread') })).toEqual([
        `${SEND} takes (target: Target, payload: string, thread: Thread), ${IMPLIED}`,
      ]);
      expect(problems({ runtimeText: sendWith('target: Target, payload: string, thread: Thread | undefined = undefined') })).toEqual([
        `${SEND} takes (target: Target, payload: string, thread?: Thread | undefined), ${IMPLIED}`,
      ]);
    });

    it('reports a thread parameter of another type than the class\'s second type parameter', () => {
      expect(problems({ runtimeText: sendWith('target: Target, payload: string, thread?: object') })).toEqual([
        `${SEND} takes (target: Target, payload: string, thread?: object), ${IMPLIED}`,
      ]);
      expect(problems({ runtimeText: sendWith('target: Target, payload: string, thread?: Target') })).toEqual([
        `${SEND} takes (target: Target, payload: string, thread?: Target), ${IMPLIED}`,
      ]);
    });

    it('reports the thread placed before the arguments', () => {
      expect(problems({ runtimeText: sendWith('target: Target, thread?: Thread, payload?: string') })).toEqual([
        `${SEND} takes (target: Target, thread?: Thread, payload?: string), ${IMPLIED}`,
      ]);
    });
  });
});
