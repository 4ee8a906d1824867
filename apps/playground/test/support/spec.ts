import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allBlocks, formatProblem, loadSpec, REPO_ROOT, validateSpec, type BlockModel } from '@scratch-websocket/codegen';

const SPEC = 'specs/websocket.yaml';

/**
 * The blocks of specs/websocket.yaml in order, as the generator validates them (defaults
 * applied). A spec the generator would reject fails the test with the generator's messages.
 */
export function specBlocks(): BlockModel[] {
  const text = readFileSync(resolve(REPO_ROOT, SPEC), 'utf8');
  const validation = validateSpec(loadSpec(text, SPEC), SPEC);
  if (!validation.ok) throw new Error(`${SPEC} is not valid:\n${validation.problems.map(formatProblem).join('\n')}`);
  return allBlocks(validation.model);
}
