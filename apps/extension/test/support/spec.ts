import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, loadSpec, REPO_ROOT, validateSpec, type SpecModel } from '@scratch-websocket/codegen';

const SPEC = 'specs/websocket.yaml';

/**
 * specs/websocket.yaml as the generator validates it (defaults applied), for tests whose
 * expectations follow the spec: a block added to it changes what they expect, with no number
 * to update. A spec the generator would reject fails the test with the generator's messages.
 */
export function specModel(): SpecModel {
  const validation = validateSpec(loadSpec(readFileSync(resolve(REPO_ROOT, SPEC), 'utf8'), SPEC), SPEC);
  if (!validation.ok) throw new Error(`${SPEC} is not valid:\n${validation.problems.map(formatProblem).join('\n')}`);
  return validation.model;
}
