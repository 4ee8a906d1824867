import { checkHandlers } from './check-handlers.js';
import { checkMirroredMenus } from './check-mirrors.js';
import type { GenerateContext } from './context.js';
import { emitDocsHtml, emitDocsMarkdown, emitGalleryDocsMarkdown } from './emit-docs.js';
import { emitExtension } from './emit-extension.js';
import { emitPullRequest } from './emit-pull-request.js';
import { emitTestSkeleton } from './emit-test-skeleton.js';
import { emitTranslations } from './emit-translations.js';
import { readTranslations, translationSummary } from './translations.js';
import { loadSpec } from './load.js';
import { allBlocks, runsSomething, type SpecModel } from './model.js';
import { gallerySteps } from './pieces.js';
import { sortProblems, type Problem } from './problems.js';
import { validateSpec } from './validate.js';

export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  text: string;
}

export type GenerateResult =
  | {
      ok: true;
      model: SpecModel;
      files: GeneratedFile[];
      /** Per locale: `ja: 0 missing, 2 stale`, for the command to print. */
      translationSummary: string[];
    }
  | { ok: false; problems: Problem[] };

/**
 * The whole pipeline, pure: spec text (and the runtime's source and exported values, for the
 * handler and menu checks) in, the files to write out. load → validate → check handlers and
 * mirrored menus → read translations → one emitter per artefact.
 */
export function generate(context: GenerateContext): GenerateResult {
  const { spec, outputs } = context;
  const validation = validateSpec(loadSpec(spec.text, spec.displayPath), spec.displayPath);
  if (!validation.ok) return validation;
  const model = validation.model;
  const translations = readTranslations(model, context.translations);
  const handlers = checkHandlers(model, spec.displayPath, context.runtime, context.host, context.runtimeModules);
  const problems = [
    ...handlers.problems,
    ...checkMirroredMenus(model, spec.displayPath, context.runtimeExports),
    ...(translations.ok ? [] : translations.problems),
  ];
  if (problems.length > 0 || !translations.ok) return { ok: false, problems: sortProblems(problems) };

  const skeletons = allBlocks(model)
    .filter((block) => runsSomething(block) && !context.existingTests.has(block.opcode))
    .map((block) => ({ path: `${outputs.blockTests}/${block.opcode}.test.ts`, text: emitTestSkeleton(block, spec.path) }));
  return {
    ok: true,
    model,
    translationSummary: translations.locales.map(translationSummary),
    files: [
      { path: outputs.extension, text: emitExtension(model, spec.path, handlers.facetClasses) },
      { path: outputs.translations, text: emitTranslations(model, translations.locales, spec.path) },
      { path: outputs.docsMarkdown, text: emitDocsMarkdown(model, spec.path) },
      { path: outputs.docsHtml, text: emitDocsHtml(model, spec.path) },
      { path: outputs.docsGalleryMarkdown, text: emitGalleryDocsMarkdown(model) },
      ...gallerySteps(model).flatMap((step) => [
        { path: `${outputs.galleryPieces}/${step.slug}.ts`, text: emitExtension(step.model, spec.path, handlers.facetClasses, '../../scratch-api') },
        { path: `${outputs.docsGalleryPieces}/${step.slug}/ws.md`, text: emitGalleryDocsMarkdown(step.model) },
        { path: `${outputs.docsGalleryPieces}/${step.slug}/pull-request.md`, text: emitPullRequest(step, model, context.galleryDifferences?.text ?? '') },
      ]),
      ...skeletons,
    ],
  };
}
