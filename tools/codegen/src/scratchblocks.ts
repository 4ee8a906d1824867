import { ARGUMENT_TYPE_INFO } from './argument-types.js';
import { shape, type ArgumentModel, type BlockModel, type MenuModel } from './model.js';
import { parseText } from './placeholders.js';

/**
 * A block written in scratchblocks syntax, as TurboWarp's extension docs show them:
 * `connect to [wss://echo.websocket.org/] :: #307eff`, `when connected :: hat #307eff`,
 * `<is connected? :: #307eff>`, `(received message data :: #307eff)`. The shape table says
 * how each shape is drawn.
 */
export function scratchblocksCode(block: BlockModel, colour: string, menus: readonly MenuModel[] = []): string | null {
  const draw = shape(block).draw;
  if (draw === null) return null;
  const byName = new Map(block.arguments.map((argument) => [argument.name, argument]));
  const label = parseText(block.text)
    .map((part) => {
      if (part.kind === 'text') return escapeLabel(part.text);
      const declared = byName.get(part.name);
      return declared === undefined ? `[${escapeInput(part.name)}]` : input(declared, menus);
    })
    .join('');
  return draw(label, colour);
}

/** A menu input is a dropdown (`[text v]`) showing the default item's text. */
function input(argument: ArgumentModel, menus: readonly MenuModel[]): string {
  const menu = menus.find((candidate) => candidate.name === argument.menu);
  if (menu !== undefined) {
    const item = menu.items.kind === 'static' ? menu.items.items.find((candidate) => candidate.value === String(argument.default)) : undefined;
    return `[${escapeInput(item?.text ?? String(argument.default))} v]`;
  }
  return ARGUMENT_TYPE_INFO[argument.type].draw(escapeInput(String(argument.default)));
}

/** Characters that open or close an input, or start a `::` option, are escaped with `\`. */
function escapeLabel(text: string): string {
  return oneLine(text).replace(/[\\[\]()<>]/g, (character) => `\\${character}`).replace(/::/g, ':\\:');
}

function escapeInput(text: string): string {
  return oneLine(text).replace(/[\\[\]()]/g, (character) => `\\${character}`);
}

/**
 * scratchblocks reads one block per line, so a line break in a text (a string default may
 * have one) is drawn as a space: the picture stays one block, and no line of it can close
 * the Markdown fence around it (issue 20, G1).
 */
function oneLine(text: string): string {
  return text.replace(/\r\n?|[\n\u2028\u2029]/g, ' ');
}
