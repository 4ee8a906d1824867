import { scratchCast } from '@scratch-websocket/test-support';
import type { ScratchApi } from '../../src/scratch-api';

/**
 * A Scratch-like object for Node tests: the constants TurboWarp's `Scratch` has,
 * and `Cast` with Scratch's own conversion rules.
 */
export const scratch: ScratchApi = {
  BlockType: {
    BOOLEAN: 'Boolean',
    BUTTON: 'button',
    COMMAND: 'command',
    CONDITIONAL: 'conditional',
    EVENT: 'event',
    HAT: 'hat',
    LABEL: 'label',
    LOOP: 'loop',
    REPORTER: 'reporter',
  },
  ArgumentType: {
    ANGLE: 'angle',
    BOOLEAN: 'Boolean',
    COLOR: 'color',
    IMAGE: 'image',
    MATRIX: 'matrix',
    NOTE: 'note',
    NUMBER: 'number',
    STRING: 'string',
  },
  Cast: scratchCast,
};

/** `Scratch.translate` in English, as TurboWarp gives it with no translation for the language. */
export const translate = (message: string | { default: string }): string => (typeof message === 'string' ? message : message.default);
