import { isHatBlock, type ArgumentModel, type BlockModel } from './model.js';

/**
 * A block written in scratchblocks syntax, as TurboWarp's extension docs show them:
 * `connect to [wss://echo.websocket.org/] :: #307eff`, `when connected :: hat #307eff`,
 * `<is connected? :: #307eff>`, `(received message data :: #307eff)`.
 */
export function scratchblocksCode(block: BlockModel, colour: string): string {
  const byName = new Map(block.arguments.map((argument) => [argument.name, argument]));
  const parts = block.text.split(/(\[[^\]]*\])/);
  const label = parts
    .map((part) => {
      const argument = /^\[(.*)\]$/.exec(part);
      if (argument === null) return escapeLabel(part);
      const declared = byName.get(argument[1] ?? '');
      return declared === undefined ? `[${escapeInput(argument[1] ?? '')}]` : input(declared);
    })
    .join('');
  if (isHatBlock(block)) return `${label} :: hat ${colour}`;
  if (block.blockType === 'boolean') return `<${label} :: ${colour}>`;
  if (block.blockType === 'reporter') return `(${label} :: ${colour})`;
  return `${label} :: ${colour}`;
}

function input(argument: ArgumentModel): string {
  if (argument.type === 'number') return `(${escapeInput(String(argument.default))})`;
  if (argument.type === 'boolean') return '<>';
  return `[${escapeInput(String(argument.default))}]`;
}

/** Characters that open or close an input, or start a `::` option, are escaped with `\`. */
function escapeLabel(text: string): string {
  return text.replace(/[\\[\]()<>]/g, (character) => `\\${character}`).replace(/::/g, ':\\:');
}

function escapeInput(text: string): string {
  return text.replace(/[\\[\]()]/g, (character) => `\\${character}`);
}
