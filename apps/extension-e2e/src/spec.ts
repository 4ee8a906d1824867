import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, loadSpec, REPO_ROOT, validateSpec, type SpecModel } from '@scratch-websocket/codegen';

const SPEC = 'specs/websocket.yaml';
let cached: SpecModel | undefined;

/**
 * specs/websocket.yaml as the generator validates it (defaults applied): what the built
 * extension was generated from. Throws with the generator's messages if the spec is invalid.
 */
export function specModel(): SpecModel {
  if (cached !== undefined) return cached;
  const validation = validateSpec(loadSpec(readFileSync(resolve(REPO_ROOT, SPEC), 'utf8'), SPEC), SPEC);
  if (!validation.ok) throw new Error(`${SPEC} is not valid:\n${validation.problems.map(formatProblem).join('\n')}`);
  cached = validation.model;
  return cached;
}
