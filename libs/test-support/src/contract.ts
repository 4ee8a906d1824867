import { readFileSync } from 'node:fs';

/** The behaviour contract: the one place the blocks' rules and fixed identity are written. */
export const CONTRACT_PATH = new URL('../../runtime/CONTRACT.md', import.meta.url);

/** One row of the contract's Identity table. */
export interface ContractBlock {
  opcode: string;
  /** `command`, `event` (a hat), `boolean` or `reporter`. */
  shape: string;
  text: string;
  arguments: Array<{ name: string; type: string; default: string | number }>;
}

/** The contract's Identity table: its blocks in order, and the palette with `---` for separators. */
export interface ContractIdentity {
  blocks: ContractBlock[];
  palette: string[];
}

const SEPARATOR_ROW = '— separator —';

/**
 * Reads the Identity table of libs/runtime/CONTRACT.md (section "Identity"): the blocks that
 * saved projects refer to, so tests check compatibility against the contract itself rather
 * than a copy of its table. Throws, naming the row, when the table is not in the expected form.
 */
export function contractIdentity(markdown = readFileSync(CONTRACT_PATH, 'utf8')): ContractIdentity {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Identity\n'));
  if (section === undefined) throw new Error('CONTRACT.md has no "## Identity" section');
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.slice(1, -1).split('|').map((cell) => cell.trim()))
    .slice(2); // the header and its |---| line
  const blocks: ContractBlock[] = [];
  const palette: string[] = [];
  for (const [opcode = '', shape = '', text = '', args = ''] of rows) {
    if (opcode === SEPARATOR_ROW) {
      palette.push('---');
      continue;
    }
    const block = { opcode, shape: shape.replace('hat (event)', 'event'), text, arguments: args === '' ? [] : args.split('; ').map(parseArgument) };
    blocks.push(block);
    palette.push(opcode);
  }
  if (blocks.length === 0) throw new Error('the Identity table of CONTRACT.md has no blocks');
  return { blocks, palette };
}

/** `NAME: type, \`default\`` as the Identity table writes an argument. */
function parseArgument(cell: string): ContractBlock['arguments'][number] {
  const match = /^(\w+): (\w+), `([^`]*)`$/.exec(cell);
  if (match === null) throw new Error(`CONTRACT.md Identity table: cannot read the argument "${cell}"`);
  const [, name = '', type = '', value = ''] = match;
  return { name, type, default: type === 'number' ? Number(value) : value };
}
