import {
  IndentationText,
  Project,
  QuoteKind,
  Scope,
  StructureKind,
  type CodeBlockWriter,
  type MethodDeclarationStructure,
  type OptionalKind,
  type WriterFunction,
} from 'ts-morph';
import { lineCommentBanner } from './banner.js';
import { defaultValue, menuField, menuMethodName, shapeFlags, writesOpcode } from './block-info.js';
import { commentText, literal } from './literal.js';
import { ARGUMENT_TYPE_INFO } from './argument-types.js';
import { isHandlerBlock, isHatBlock, shape, type ArgumentModel, type BlockModel, type HandlerBlockModel, type HatBlockModel, type MenuModel, type SpecModel } from './model.js';

const blankLine: WriterFunction = (writer) => writer.blankLine();

/**
 * Emits apps/extension/src/generated/extension.ts from the model, through ts-morph structures.
 * `facetClasses` names the runtime's class of each facet (`binary` → `BinaryBlocks`, found by
 * check-handlers.ts); the file hands the runtime only those its blocks call (`RUNTIME_FACETS`).
 * `scratchApiModule` is where the file imports the `Scratch` types from, relative to it (a
 * gallery piece's file lives a folder deeper).
 */
export function emitExtension(spec: SpecModel, specFile: string, facetClasses: ReadonlyMap<string, string>, scratchApiModule = '../scratch-api'): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const blocks = spec.groups.flatMap((group) => group.blocks);
  const facets = facetsUsed(blocks).map((facet) => ({ facet, className: facetClasses.get(facet)! }));
  const file = project.createSourceFile('extension.ts', {
    statements: [
      lineCommentBanner(specFile),
      '/// <reference types="@turbowarp/types-tw/types/scratch-vm-extension" />',
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: '@scratch-websocket/runtime',
        namedImports: ['HatOpcodes', 'RuntimeFacets', 'WebSocketRuntime'],
      },
      {
        kind: StructureKind.ImportDeclaration,
        isTypeOnly: true,
        moduleSpecifier: scratchApiModule,
        namedImports: ['BlockUtility', 'ScratchApi'],
      },
      // After the type imports, which TypeScript drops with the banner above them (a bundle keeps no comment naming our files).
      ...(facets.length === 0
        ? []
        : [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: '@scratch-websocket/runtime', namedImports: facets.map((used) => used.className) } as const]),
      blankLine,
      exportedConst('EXTENSION_METADATA', 'The gallery metadata, for the header of the built script.', metadataWriter(spec)),
      blankLine,
      exportedConst('HAT_OPCODES: HatOpcodes', 'The hat the runtime starts for each event it raises.', hatOpcodesWriter(spec, blocks.filter(isHatBlock))),
      blankLine,
      exportedConst(
        'RUNTIME_FACETS: RuntimeFacets',
        'The facets of the runtime these blocks call (handlers named facet.method): the runtime builds only these, and the others are left out of the bundle.',
        (writer) => writer.write(facets.length === 0 ? '{}' : `{ ${facets.map((used) => `${used.facet}: ${used.className}`).join(', ')} }`),
      ),
      blankLine,
      exportedConst(
        'SOCKETS_IN_WORKER',
        spec.socketsInWorker
          ? 'Sockets live in a Worker of the page, so a flooding server cannot hold back the VM\'s frames.'
          : 'The page\'s own sockets: the worker that holds them comes with a later piece, so this file leaves its code out.',
        (writer) => writer.write(String(spec.socketsInWorker)),
      ),
      ...(spec.extension.translateName ? [] : [blankLine, untranslatedName(spec.extension.name)]),
      {
        kind: StructureKind.Class,
        name: 'WebSocketExtension',
        isExported: true,
        docs: [
          `The ${commentText(spec.extension.name)} blocks. Each block method hands its cast arguments to the runtime, target first and the running thread last (a pure handler gets neither).`,
        ],
        typeParameters: [{ name: 'Target', constraint: 'object' }, { name: 'Thread', default: 'unknown' }],
        ctors: [
          {
            parameters: [
              { name: 'scratch', type: 'ScratchApi', scope: Scope.Private, isReadonly: true },
              { name: 'runtime', type: 'WebSocketRuntime<Target, Thread>', scope: Scope.Private, isReadonly: true },
            ],
          },
        ],
        methods: [
          { name: 'getInfo', returnType: 'Scratch.Info', statements: (writer) => writeGetInfo(writer, spec) },
          ...blocks.flatMap(blockMethods),
          ...spec.menus.flatMap(menuMethod),
        ],
      },
    ],
  });
  return file.getFullText();
}

function metadataWriter(spec: SpecModel): WriterFunction {
  const { id, name, description, by, original, license } = spec.extension;
  return (writer) => {
    writeObjectLiteral(writer, Object.entries({ id, name, description, by, original, license }).map(([key, value]) => `${key}: ${literal(value)},`));
    writer.write(' as const');
  };
}

function hatOpcodesWriter(spec: SpecModel, hats: HatBlockModel[]): WriterFunction {
  return (writer) => {
    writeObjectLiteral(writer, hats.map((hat) => `${hat.event}: ${literal(`${spec.extension.id}_${hat.opcode}`)},`));
  };
}

/**
 * `export const NAME = <initializer>;` as a statement writer. (A VariableStatement structure
 * gives a multi-line object initializer a hanging indent, which only ts-morph's formatter,
 * at about a second per run, would take out again.)
 */
function exportedConst(declaration: string, doc: string, initializer: WriterFunction): WriterFunction {
  return (writer) => {
    writer.writeLine(`/** ${doc} */`);
    writer.write(`export const ${declaration} = `);
    initializer(writer);
    writer.write(';').newLine();
  };
}

/** The constant that holds a name the spec keeps in English (`translateName: false`). */
const UNTRANSLATED_NAME = 'EXTENSION_NAME';

/**
 * `const EXTENSION_NAME = '<name>';`, for a name that stays the same in every language. Named
 * rather than written into getInfo(), where the gallery's lint asks for a translated name: the
 * constant's comment says why it is not one, with no lint directive.
 */
function untranslatedName(name: string): WriterFunction {
  return (writer) => {
    writer.writeLine(`/** The extension's name, the same in every language: what projects, tutorials and the gallery have always called it. */`);
    writer.writeLine(`const ${UNTRANSLATED_NAME} = ${literal(name)};`);
  };
}

function writeObjectLiteral(writer: CodeBlockWriter, lines: string[]): void {
  writer.write('{').newLine();
  writer.indent(() => {
    for (const line of lines) writer.writeLine(line);
  });
  writer.write('}');
}

/**
 * Texts are literal calls of the ambient `Scratch.translate` (in the built script, the
 * wrapper's `Scratch` parameter), not of the injected API: TurboWarp's gallery collects the
 * strings it translates by finding exactly `Scratch.translate("...")` in the source.
 */
/**
 * `Scratch.translate` of `text`, with the note for translators when it has one: the gallery's
 * translation tooling reads `description`, and both forms look the text up as `_` + `text`.
 */
function translated(text: string, note: string): string {
  return note === '' ? `Scratch.translate(${literal(text)})` : `Scratch.translate({ default: ${literal(text)}, description: ${literal(note)} })`;
}

function writeGetInfo(writer: CodeBlockWriter, spec: SpecModel): void {
  const { id, name, color1, color2, docsURI } = spec.extension;
  writer.write('return {').indent(() => {
    writer.writeLine(`id: ${literal(id)},`);
    writer.writeLine(spec.extension.translateName ? `name: Scratch.translate(${literal(name)}),` : `name: ${UNTRANSLATED_NAME},`);
    writer.writeLine(`color1: ${literal(color1)},`);
    writer.writeLine(`color2: ${literal(color2)},`);
    writer.writeLine(`docsURI: ${literal(docsURI)},`);
    writer.write('blocks: [').indent(() => {
      spec.groups.forEach((group, index) => {
        // A palette separator between groups, as the gallery extension has.
        if (index > 0) writer.writeLine(`'---',`);
        for (const block of group.blocks) writeBlockInfo(writer, block);
      });
    });
    writer.writeLine('],');
    if (spec.menus.length > 0) writeMenus(writer, spec.menus);
  });
  writer.writeLine('};');
}

/** `menus: { NAME: { acceptReporters, items } }`: static items with translated texts, or the name of the method that lists them. */
function writeMenus(writer: CodeBlockWriter, menus: readonly MenuModel[]): void {
  writer.write('menus: {').indent(() => {
    for (const menu of menus) {
      writer.write(`${menu.name}: {`).indent(() => {
        writer.writeLine(`acceptReporters: ${menu.acceptReporters},`);
        if (menu.items.kind === 'dynamic') {
          writer.writeLine(`items: ${literal(menuMethodName(menu.name))},`);
          return;
        }
        writer.write('items: [').indent(() => {
          for (const item of menu.items.kind === 'static' ? menu.items.items : []) {
            writer.writeLine(`{ text: ${translated(item.text, item.translatorNote)}, value: ${literal(item.value)} },`);
          }
        });
        writer.writeLine('],');
      });
      writer.writeLine('},');
    }
  });
  writer.writeLine('},');
}

/** The VM calls a dynamic menu's method (with the editing target's id, unused) for its items; the runtime lists them. */
function menuMethod(menu: MenuModel): OptionalKind<MethodDeclarationStructure>[] {
  if (menu.items.kind !== 'dynamic') return [];
  return [
    {
      name: menuMethodName(menu.name),
      docs: [`Items of the menu \`${menu.name}\`, listed by the runtime when the menu opens.`],
      returnType: 'string[]',
      statements: [`return this.runtime.${menu.items.function}();`],
    },
  ];
}

function writeBlockInfo(writer: CodeBlockWriter, block: BlockModel): void {
  writer.write('{').indent(() => {
    if (writesOpcode(block)) writer.writeLine(`opcode: ${literal(block.opcode)},`);
    writer.writeLine(`blockType: this.scratch.BlockType.${shape(block).scratchType},`);
    writer.writeLine(`text: ${translated(block.text, block.translatorNote)},`);
    if (block.arguments.length > 0) {
      writer.write('arguments: {').indent(() => {
        for (const argument of block.arguments) {
          writer.writeLine(
            `${argument.name}: { type: this.scratch.ArgumentType.${ARGUMENT_TYPE_INFO[argument.type].scratchType}${menuField(argument)}${defaultValue(argument, block)} },`,
          );
        }
      });
      writer.writeLine('},');
    }
    for (const line of shapeFlags(block)) writer.writeLine(line);
  });
  // @turbowarp/types-tw 0.0.6 has no label block type (and requires an opcode, which the VM warns about on a label).
  writer.writeLine(writesOpcode(block) ? '},' : '} as unknown as Scratch.Block,');
}

/**
 * A hat without a predicate (an event block) needs no method: the VM runs it only when the
 * runtime starts it. A hat with one is asked by the VM whether to run once started. A block
 * that runs nothing has no method.
 */
function blockMethods(block: BlockModel): OptionalKind<MethodDeclarationStructure>[] {
  if (isHandlerBlock(block)) return [handlerMethod(block)];
  return isHatBlock(block) && shape(block).predicate ? [hatMethod(block)] : [];
}

/**
 * `connect(util.target, this.scratch.Cast.toString(args.URL), util.thread)`: target first, then
 * each argument cast by its type, then the running thread (the script that runs the block, which
 * the runtime binds to a named connection). A pure handler (`usesTarget: false`) gets the
 * arguments only, so its method takes no `util`: `dataUrlOfText(this.scratch.Cast.toString(args.TEXT))`.
 */
function handlerMethod(block: HandlerBlockModel): OptionalKind<MethodDeclarationStructure> {
  const casts = block.arguments.map((argument) => `this.scratch.Cast.${ARGUMENT_TYPE_INFO[argument.type].cast}(args.${argument.name})`);
  const hasArguments = block.arguments.length > 0;
  const argsParameter = { name: hasArguments ? 'args' : '_args', type: hasArguments ? argumentsType(block.arguments) : 'object' };
  return {
    name: block.opcode,
    docs: [`Block \`${commentText(block.text)}\`.`],
    parameters: block.usesTarget ? [argsParameter, { name: 'util', type: 'BlockUtility<Target, Thread>' }] : [argsParameter],
    statements: [`return this.runtime.${runtimeMember(block.handler)}(${(block.usesTarget ? ['util.target', ...casts, 'util.thread'] : casts).join(', ')});`],
  };
}

/** The facets the blocks' handlers name (`binary.addNumber` → `binary`), sorted, each once. */
function facetsUsed(blocks: readonly BlockModel[]): string[] {
  const facets = blocks.filter(isHandlerBlock).flatMap((block) => (block.handler.includes('.') ? [block.handler.split('.')[0]!] : []));
  return [...new Set(facets)].sort();
}

/**
 * `binary!.addNumber` for a facet's handler: the runtime's facet property is `undefined` unless
 * it was given the class, which this file's `RUNTIME_FACETS` hands it (the `!` is gone in JavaScript).
 */
function runtimeMember(handler: string): string {
  return handler.replace('.', '!.');
}

function hatMethod(block: HatBlockModel): OptionalKind<MethodDeclarationStructure> {
  return {
    name: block.opcode,
    docs: [`Hat \`${commentText(block.text)}\`: started by the runtime on its '${block.event}' event, so it always runs.`],
    returnType: 'boolean',
    statements: ['return true;'],
  };
}

function argumentsType(args: ArgumentModel[]): string {
  return `{ ${args.map((argument) => `${argument.name}: unknown`).join('; ')} }`;
}
