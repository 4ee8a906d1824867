import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allBlocks, formatProblem, loadSpec, REPO_ROOT, runsSomething, validateSpec, type BlockModel, type SpecModel } from '@scratch-websocket/codegen';

const SPEC = 'specs/websocket.yaml';

/** specs/websocket.yaml as the generator validates it (defaults applied); a spec it would reject fails the test with its messages. */
function specModel(): SpecModel {
  const text = readFileSync(resolve(REPO_ROOT, SPEC), 'utf8');
  const validation = validateSpec(loadSpec(text, SPEC), SPEC);
  if (!validation.ok) throw new Error(`${SPEC} is not valid:\n${validation.problems.map(formatProblem).join('\n')}`);
  return validation.model;
}

/** The blocks of specs/websocket.yaml in order (not the palette labels, which the docs show as headings). */
export function specBlocks(): BlockModel[] {
  return allBlocks(specModel()).filter(runsSomething);
}

/** The texts of the spec's palette labels, in order. */
export function specLabels(): string[] {
  return allBlocks(specModel())
    .filter((block) => !runsSomething(block))
    .map((block) => block.text);
}
