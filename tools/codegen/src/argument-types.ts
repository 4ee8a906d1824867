/**
 * Every argument type the spec may use, described once (as BLOCK_SHAPES does for blocks): the
 * VM's `Scratch.ArgumentType` key and value, the `Scratch.Cast` function the block method
 * applies, the runtime parameter type the handler check expects, and how scratchblocks draws
 * the input.
 */
export interface ArgumentTypeInfo {
  /** `Scratch.ArgumentType.<scratchType>`, written into getInfo(). */
  readonly scratchType: string;
  /** The string that constant holds, which a test of getInfo() sees. */
  readonly scratchValue: string;
  /** The JavaScript type of its values: its default's, and the handler parameter's. */
  readonly valueType: 'string' | 'number' | 'boolean';
  /**
   * Whether the input shows a default value (`defaultValue` in getInfo). A Boolean input is an
   * empty hexagonal slot in Scratch: TurboWarp's types give it no defaultValue.
   */
  readonly hasDefault: boolean;
  /** `Scratch.Cast.<cast>` turns what the VM passes into the handler's parameter type. */
  readonly cast: 'toString' | 'toNumber' | 'toBoolean';
  /** The input in scratchblocks syntax, showing the default value. */
  readonly draw: (defaultText: string) => string;
}

export const ARGUMENT_TYPE_INFO = {
  string: { scratchType: 'STRING', scratchValue: 'string', valueType: 'string', hasDefault: true, cast: 'toString', draw: (text) => `[${text}]` },
  number: { scratchType: 'NUMBER', scratchValue: 'number', valueType: 'number', hasDefault: true, cast: 'toNumber', draw: (text) => `(${text})` },
  boolean: { scratchType: 'BOOLEAN', scratchValue: 'Boolean', valueType: 'boolean', hasDefault: false, cast: 'toBoolean', draw: () => '<>' },
} as const satisfies Record<string, ArgumentTypeInfo>;

export type ArgumentType = keyof typeof ARGUMENT_TYPE_INFO;

/** The type's entry; undefined for a name that is not one (raw spec data). */
export function argumentTypeOf(type: unknown): ArgumentTypeInfo | undefined {
  return typeof type === 'string' && Object.hasOwn(ARGUMENT_TYPE_INFO, type) ? ARGUMENT_TYPE_INFO[type as ArgumentType] : undefined;
}

export const ARGUMENT_TYPES = Object.keys(ARGUMENT_TYPE_INFO) as ArgumentType[];
