/// <reference types="@turbowarp/types-tw/types/scratch-vm-extension" />
/**
 * The part of TurboWarp's `Scratch` object the generated extension uses. It is injected,
 * so Node tests can pass a Scratch-like object of their own. The one exception is
 * `Scratch.translate`, called as written, by name, because TurboWarp's gallery finds the
 * texts to translate by looking for exactly those calls; tests provide a global `Scratch`
 * with `translate` (test/support/global-scratch.ts).
 */
export interface ScratchApi {
  readonly BlockType: typeof Scratch.BlockType;
  readonly ArgumentType: typeof Scratch.ArgumentType;
  readonly Cast: Pick<typeof Scratch.Cast, 'toString' | 'toNumber' | 'toBoolean'>;
}

/**
 * The VM's `util` argument to a block method: the target running the block and the thread
 * (script) running it, which the runtime binds to a named connection (`use connection`). The VM
 * always passes the thread; Node tests may leave it out, which acts as a script bound to no
 * connection (the default one).
 */
export interface BlockUtility<Target, Thread = unknown> {
  readonly target: Target;
  readonly thread?: Thread;
}

/**
 * @turbowarp/types-tw 0.0.6 lags behind TurboWarp in two places the extension relies on:
 * `Scratch.translate` (with `Scratch.translate.setup`) exists in every unsandboxed TurboWarp extension, and TurboWarp reads
 * `disableMonitor` on Boolean blocks as on reporters (both get a monitor checkbox).
 */
declare global {
  namespace Scratch {
    /** The object form carries a note for translators; both look the text up as `_` + the English. */
    function translate(message: string | { default: string; description?: string }): string;
    namespace translate {
      /** Per locale (`ja`, `pt-br`), `_` + English text → translated text; replaces what was set before. */
      function setup(translations: Record<string, Record<string, string>>): void;
    }
    interface BooleanBlock {
      disableMonitor?: boolean;
    }
    /** A palette label (text between blocks); the types know no label block, so getInfo() casts its entries. */
    namespace BlockType {
      const LABEL: 'label';
    }
  }
}
