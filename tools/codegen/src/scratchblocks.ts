import { ARGUMENT_TYPE_INFO } from './argument-types.js';
import { shape, type ArgumentModel, type BlockModel } from './model.js';
import { parseText } from './placeholders.js';

/**
 * A block written in scratchblocks syntax, as TurboWarp's extension docs show them:
 * `connect to [wss://echo.websocket.org/] :: #307eff`, `when connected :: hat #307eff`,
 * `<is connected? :: #307eff>`, `(received message data :: #307eff)`. The shape table says
 * how each shape is drawn.
 */
export function scratchblocksCode(block: BlockModel, colour: string): string {
  const byName = new Map(block.arguments.map((argument) => [argument.name, argument]));
  const label = parseText(block.text)
    .map((part) => {
      if (part.kind === 'text') return escapeLabel(part.text);
      const declared = byName.get(part.name);
      return declared === undefined ? `[${escapeInput(part.name)}]` : input(declared);
    })
    .join('');
  return shape(block).draw(label, colour);
}

function input(argument: ArgumentModel): string {
  return ARGUMENT_TYPE_INFO[argument.type].draw(escapeInput(String(argument.default)));
}

/** Characters that open or close an input, or start a `::` option, are escaped with `\`. */
function escapeLabel(text: string): string {
  return text.replace(/[\\[\]()<>]/g, (character) => `\\${character}`).replace(/::/g, ':\\:');
}

function escapeInput(text: string): string {
  return text.replace(/[\\[\]()]/g, (character) => `\\${character}`);
}
