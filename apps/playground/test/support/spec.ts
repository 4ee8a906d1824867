import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface SpecBlock {
  opcode: string;
  docs: string;
  arguments: Record<string, { type: string }>;
}

const SPEC = fileURLToPath(new URL('../../../../specs/websocket.yaml', import.meta.url));

/** The blocks of specs/websocket.yaml in order, flattened out of their groups. */
export function specBlocks(): SpecBlock[] {
  const spec = parse(readFileSync(SPEC, 'utf8')) as { blocks: Array<{ blocks: SpecBlock[] }> };
  return spec.blocks.flatMap((group) =>
    group.blocks.map((block) => ({ opcode: block.opcode, docs: block.docs ?? '', arguments: block.arguments ?? {} })),
  );
}
