import type { ScratchApi } from '../../src/scratch-api';

/**
 * A Scratch-like object for Node tests: the constants TurboWarp's `Scratch` has, `translate`
 * as the identity (English), and `Cast` with Scratch's own conversion rules, written from
 * their documented behaviour.
 */
export const cast = {
  /** NaN and anything that is not a number become 0; `''` and whitespace are 0, as Number() says. */
  toNumber(value: unknown): number {
    if (typeof value === 'number') return Number.isNaN(value) ? 0 : value;
    const number = Number(value);
    return Number.isNaN(number) ? 0 : number;
  },
  toString(value: unknown): string {
    return String(value);
  },
  /** The strings `''`, `'0'` and any casing of `'false'` are false; other strings are true. */
  toBoolean(value: unknown): boolean {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') return !(value === '' || value === '0' || value.toLowerCase() === 'false');
    return Boolean(value);
  },
};

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
  Cast: cast,
  translate: (message) => message,
};
