import type { Host, Unsubscribe } from './host.js';
import { localNetworkFailureReason, type PermissionsLike } from './local-network.js';

/**
 * The part of TurboWarp's `Scratch.vm.runtime` the adapter uses, typed structurally so the
 * runtime library never imports the VM.
 */
export interface TurboWarpVmRuntimeLike<Target extends object = object, Thread = unknown> {
  /** `matchFields` (field values a hat must hold) is always undefined here: no hat of ours has a field. */
  startHats(opcode: string, matchFields: undefined, target: Target): Thread[] | undefined | null;
  isActiveThread(thread: Thread): boolean;
  _stopThread(thread: Thread): void;
  on(event: string, listener: (...args: any[]) => void): unknown;
  /** Node's EventEmitter name, which every version of the VM's emitter has (`off` came later). */
  removeListener(event: string, listener: (...args: any[]) => void): unknown;
}

/** The VM's event names (scratch-vm `runtime.js`). */
export const VM_EVENTS = {
  /** Emitted every frame right before threads step. */
  frame: 'BEFORE_EXECUTE',
  stopAll: 'PROJECT_STOP_ALL',
  targetRemoved: 'targetWasRemoved',
  /** Emitted when a new project is loaded. */
  projectChange: 'RUNTIME_DISPOSED',
} as const;

/**
 * A `Host` over TurboWarp's VM runtime. `canFetch` is `Scratch.canFetch` (it may ask the
 * user, so it may be a promise). `permissions` is the page's `navigator.permissions` (the
 * default; absent outside a browser): its `failureReason` says `local network blocked` when the
 * browser's Local Network Access permission for the failed URL is denied (local-network.ts).
 */
export function createTurboWarpHost<Target extends object = object, Thread = unknown>(
  vmRuntime: TurboWarpVmRuntimeLike<Target, Thread>,
  canFetch: (url: string) => boolean | Promise<boolean>,
  permissions: PermissionsLike | undefined = pagePermissions(),
): Host<Target, Thread> {
  function listen(event: string, listener: (...args: any[]) => void): Unsubscribe {
    vmRuntime.on(event, listener);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      vmRuntime.removeListener(event, listener);
    };
  }

  return {
    // scratch-vm returns undefined when no script uses the hat.
    startHats: (opcode, target) => vmRuntime.startHats(opcode, undefined, target) ?? [],
    isThreadActive: (thread) => vmRuntime.isActiveThread(thread),
    // The VM's own way to stop one thread; never set thread.status by hand.
    stopThread: (thread) => vmRuntime._stopThread(thread),
    canFetch,
    failureReason: localNetworkFailureReason(permissions),
    onFrame: (listener) => listen(VM_EVENTS.frame, listener),
    onStopAll: (listener) => listen(VM_EVENTS.stopAll, listener),
    onTargetRemoved: (listener) => listen(VM_EVENTS.targetRemoved, (target: Target) => listener(target)),
    onProjectChange: (listener) => listen(VM_EVENTS.projectChange, listener),
  };
}

/** The page's `navigator.permissions`, or undefined where there is none (Node, old browsers); never throws. */
function pagePermissions(): PermissionsLike | undefined {
  try {
    const navigator = (globalThis as { navigator?: { permissions?: PermissionsLike } }).navigator;
    return navigator?.permissions ?? undefined;
  } catch {
    return undefined;
  }
}
