import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTurboWarpHost, VM_EVENTS } from '../src/index.js';

/** The slice of scratch-vm's Runtime the adapter touches: an EventEmitter plus three methods. */
class VmRuntimeDouble extends EventEmitter {
  readonly calls: unknown[][] = [];
  startHatsResult: string[] | undefined = ['thread'];
  startHats(...args: unknown[]) {
    this.calls.push(['startHats', ...args]);
    return this.startHatsResult;
  }
  isActiveThread(thread: string) {
    this.calls.push(['isActiveThread', thread]);
    return thread === 'thread';
  }
  _stopThread(thread: string) {
    this.calls.push(['_stopThread', thread]);
  }
}

describe('createTurboWarpHost', () => {
  it('starts hats for one target through vmRuntime.startHats(opcode, undefined, target)', () => {
    const vm = new VmRuntimeDouble();
    const host = createTurboWarpHost<object, string>(vm, () => true);
    const sprite = {};
    expect(host.startHats('gsaWebsocket_onOpen', sprite)).toEqual(['thread']);
    expect(vm.calls).toEqual([['startHats', 'gsaWebsocket_onOpen', undefined, sprite]]);
  });

  it('gives no threads when the VM has no script under the hat (it returns undefined)', () => {
    const vm = new VmRuntimeDouble();
    vm.startHatsResult = undefined;
    expect(createTurboWarpHost<object, string>(vm, () => true).startHats('x', {})).toEqual([]);
  });

  it("asks and stops threads through the VM's own isActiveThread and _stopThread", () => {
    const vm = new VmRuntimeDouble();
    const host = createTurboWarpHost<object, string>(vm, () => true);
    expect(host.isThreadActive('thread')).toBe(true);
    expect(host.isThreadActive('other')).toBe(false);
    host.stopThread('thread');
    expect(vm.calls.at(-1)).toEqual(['_stopThread', 'thread']);
  });

  it('passes canFetch through', async () => {
    const asked: string[] = [];
    const host = createTurboWarpHost(new VmRuntimeDouble(), async (url) => (asked.push(url), false));
    expect(await host.canFetch('wss://example.com/')).toBe(false);
    expect(asked).toEqual(['wss://example.com/']);
  });

  it.each([
    ['onFrame', VM_EVENTS.frame, 'BEFORE_EXECUTE'],
    ['onStopAll', VM_EVENTS.stopAll, 'PROJECT_STOP_ALL'],
    ['onTargetRemoved', VM_EVENTS.targetRemoved, 'targetWasRemoved'],
    ['onProjectChange', VM_EVENTS.projectChange, 'RUNTIME_DISPOSED'],
  ] as const)('%s listens to %s and unsubscribes (twice is harmless)', (method, event, name) => {
    expect(event).toBe(name);
    const vm = new VmRuntimeDouble();
    const host = createTurboWarpHost(vm, () => true);
    const heard: unknown[] = [];
    const unsubscribe = host[method]((...args: unknown[]) => heard.push(args));
    expect(vm.listenerCount(name)).toBe(1);
    vm.emit(name, { id: 'target' });
    unsubscribe();
    unsubscribe();
    vm.emit(name, { id: 'late' });
    expect(vm.listenerCount(name)).toBe(0);
    expect(heard).toHaveLength(1);
  });

  it('passes the removed target to the listener', () => {
    const vm = new VmRuntimeDouble();
    const host = createTurboWarpHost(vm, () => true);
    const removed: object[] = [];
    host.onTargetRemoved((target) => removed.push(target));
    const clone = { id: 'clone' };
    vm.emit('targetWasRemoved', clone);
    expect(removed).toEqual([clone]);
  });

  it('unsubscribes with removeListener, which every version of the VM\'s emitter has (an emitter without off)', () => {
    const emitter = new EventEmitter();
    const vm = {
      startHats: () => [],
      isActiveThread: () => false,
      _stopThread: () => {},
      on: (event: string, listener: () => void) => emitter.on(event, listener),
      removeListener: (event: string, listener: () => void) => emitter.removeListener(event, listener),
    };
    const host = createTurboWarpHost(vm, () => true);
    const unsubscribe = host.onFrame(() => {});
    expect(emitter.listenerCount('BEFORE_EXECUTE')).toBe(1);
    unsubscribe();
    expect(emitter.listenerCount('BEFORE_EXECUTE')).toBe(0);
  });
});

describe('createTurboWarpHost: failureReason', () => {
  it('says `local network blocked` for a URL whose Local Network Access permission the page reports denied', async () => {
    const denied = { query: async () => ({ state: 'denied' }) };
    const host = createTurboWarpHost<object, string>(new VmRuntimeDouble(), () => true, denied);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(host.failureReason?.('ws://localhost:8000/')).toBe('local network blocked');
    expect(host.failureReason?.('wss://example.com/')).toBeNull();
  });

  it('answers null where the page has no navigator.permissions (here: Node)', async () => {
    const host = createTurboWarpHost<object, string>(new VmRuntimeDouble(), () => true);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(host.failureReason?.('ws://127.0.0.1:1/')).toBeNull();
  });
});
