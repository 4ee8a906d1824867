/**
 * Everything one generation run needs, passed explicitly: the pipeline reads no globals,
 * files or environment, so tests can hand it fixture specs and fixture runtimes.
 */
export interface SourceText {
  /** Path from the repository root: written into banners, so output does not depend on the cwd. */
  path: string;
  /** Path as printed in messages: relative to the cwd. */
  displayPath: string;
  text: string;
}

/** The values a runtime module exports, for checks that compare the spec with them. */
export interface RuntimeExports {
  /** Where they came from, as printed in messages: `libs/runtime/src/index.ts` relative to the cwd. */
  displayPath: string;
  /** Export name → value, as `import * as runtime` gives them. */
  values: Readonly<Record<string, unknown>>;
}

export interface GenerateContext {
  spec: SourceText;
  /** libs/runtime/src/runtime.ts, whose class WebSocketRuntime must have every handler. */
  runtime: SourceText;
  /**
   * The runtime's other source files (libs/runtime/src/*.ts but runtime.ts), loaded beside it
   * so that a facet's class (a handler named `facet.method`) and the types it imports resolve.
   * May be empty: then only handlers of WebSocketRuntime itself can be checked.
   */
  runtimeModules: readonly SourceText[];
  /** libs/runtime/src/host.ts, whose interface HatOpcodes must have every hat's event. */
  host: SourceText;
  /** What the runtime package (libs/runtime/src/index.ts) exports: lists that menus mirror (`mirrors:`). */
  runtimeExports: RuntimeExports;
  /** The locale files beside the spec (`specs/l10n/<locale>.yaml`), in any order; may be empty. */
  translations: readonly SourceText[];
  /**
   * libs/runtime/GALLERY-DIFFERENCES.md: every behaviour difference from the gallery's current
   * file, for the first piece's pull request (pieces.ts); absent for specs without pieces.
   */
  galleryDifferences?: SourceText;
  /** Opcodes that already have a test file: they get no skeleton. */
  existingTests: ReadonlySet<string>;
  /** Where outputs go, relative to the repository root. */
  outputs: OutputPaths;
}

export interface OutputPaths {
  extension: string;
  /** The translations for Scratch.translate.setup(), a module of their own. */
  translations: string;
  docsMarkdown: string;
  docsHtml: string;
  /** The gallery flavour of the Markdown page, for TurboWarp's extension gallery. */
  docsGalleryMarkdown: string;
  /** Folder of the per-block test skeletons. */
  blockTests: string;
  /** Folder of the extension source of each gallery piece (`01-gallery.ts`, …; pieces.ts). */
  galleryPieces: string;
  /** Folder of each gallery piece's docs page and pull-request text (`01-gallery/ws.md`, `01-gallery/pull-request.md`). */
  docsGalleryPieces: string;
}

export const DEFAULT_OUTPUTS: OutputPaths = {
  extension: 'apps/extension/src/generated/extension.ts',
  translations: 'apps/extension/src/generated/translations.ts',
  docsMarkdown: 'apps/docs/generated/websocket.md',
  docsHtml: 'apps/docs/generated/websocket.html',
  docsGalleryMarkdown: 'apps/docs/generated/gallery/ws.md',
  blockTests: 'apps/extension/test/blocks',
  galleryPieces: 'apps/extension/src/generated/pieces',
  docsGalleryPieces: 'apps/docs/generated/gallery/pieces',
};

export const DEFAULT_RUNTIME_PATHS = {
  runtime: 'libs/runtime/src/runtime.ts',
  host: 'libs/runtime/src/host.ts',
  /** The runtime package's public surface, imported for its values. */
  exports: 'libs/runtime/src/index.ts',
  /** Next to the contract: how the blocks differ from the gallery's current file, and why. */
  galleryDifferences: 'libs/runtime/GALLERY-DIFFERENCES.md',
};
