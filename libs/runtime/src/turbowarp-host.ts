import type { HatFields, Host, Unsubscribe } from './host.js';
import { localNetworkFailureReason, type PermissionsLike } from './local-network.js';

/**
 * The part of TurboWarp's `Scratch.vm.runtime` the adapter uses, typed structurally so the
 * runtime library never imports the VM.
 */
export interface TurboWarpVmRuntimeLike<Target extends object = object, Thread = unknown> {
  /** `matchFields`: field name → value; the VM upper-cases the values in place. */
  startHats(opcode: string, matchFields: Record<string, string> | undefined, target: Target): Thread[] | undefined | null;
  isActiveThread(thread: Thread): boolean;
  _stopThread(thread: Thread): void;
  on(event: string, listener: (...args: any[]) => void): unknown;
  off?(event: string, listener: (...args: any[]) => void): unknown;
  removeListener?(event: string, listener: (...args: any[]) => void): unknown;
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
      if (typeof vmRuntime.off === 'function') vmRuntime.off(event, listener);
      else if (typeof vmRuntime.removeListener === 'function') vmRuntime.removeListener(event, listener);
    };
  }

  return {
    // The VM upper-cases the match values in the object it is given, so it gets a copy and
    // the caller's stays as it was. scratch-vm returns undefined when no script uses the hat.
    startHats: (opcode, target, fields?: HatFields) =>
      vmRuntime.startHats(opcode, fields === undefined ? undefined : { ...fields }, target) ?? [],
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
