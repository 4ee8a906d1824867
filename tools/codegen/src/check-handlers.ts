import { Node, Project, Scope, type ClassDeclaration, type InterfaceDeclaration, type ParameterDeclaration, type Type } from 'ts-morph';
import { ARGUMENT_TYPE_INFO } from './argument-types.js';
import type { SourceText } from './context.js';
import { allBlocks, isHandlerBlock, isHatBlock, type ArgumentModel, type HandlerBlockModel, type HatBlockModel, type MenuModel, type SpecModel } from './model.js';
import { ProblemSink, type Problem } from './problems.js';

const RUNTIME_CLASS = 'WebSocketRuntime';
/**
 * The global types the checker needs to know `string[]` as an array (menu functions), in
 * place of the whole standard library (noLib), which would take it seconds to load.
 */
const MINIMAL_LIB = [
  'interface Array<T> { length: number; [n: number]: T; }',
  'interface ReadonlyArray<T> { readonly length: number; readonly [n: number]: T; }',
  'interface Boolean {}',
  'interface Function {}',
  'interface CallableFunction {}',
  'interface NewableFunction {}',
  'interface IArguments {}',
  'interface Number {}',
  'interface Object {}',
  'interface RegExp {}',
  'interface String {}',
  'interface Promise<T> {}',
].join('\n');
const HAT_INTERFACE = 'HatOpcodes';

/** What the check found: its problems, and the class of each facet the handlers name, by facet (`binary` → `BinaryBlocks`). */
export interface HandlerCheck {
  problems: Problem[];
  /** For the generated `RUNTIME_FACETS`: the runtime builds only the facets it is given. */
  facetClasses: Map<string, string>;
}

/**
 * Checks the spec against the runtime's source, with TypeScript's type checker: every handler
 * is a public method of WebSocketRuntime (or, named `facet.method`, of the class of its public
 * readonly property `facet`, optional or not, found among `modules`) taking (target, ...arguments in the order of the
 * block's text, thread?; neither target nor thread for a pure handler, `usesTarget: false`), each parameter named for
 * its argument and of its argument's type; every hat's event is a key of HatOpcodes, and every key has a hat (the extension must pass the
 * runtime an opcode for each). Reads the sources as text, so it is pure.
 */
export function checkHandlers(spec: SpecModel, specFile: string, runtime: SourceText, host: SourceText, modules: readonly SourceText[] = []): HandlerCheck {
  // noLib: the check needs only primitives and the class's own type parameter, and skipping
  // the standard library keeps the type checker fast. Unresolved imports become `any`.
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true, compilerOptions: { noLib: true, strict: true } });
  project.createSourceFile('minimal-lib.d.ts', MINIMAL_LIB);
  // Beside runtime.ts under their own names, so that its `./x.js` imports resolve to them.
  for (const module of modules) {
    const name = module.path.split('/').pop()!;
    if (name !== 'runtime.ts' && name !== 'host.ts') project.createSourceFile(name, module.text);
  }
  const runtimeClass = project.createSourceFile('runtime.ts', runtime.text).getClass(RUNTIME_CLASS);
  const hatInterface = project.createSourceFile('host.ts', host.text).getInterface(HAT_INTERFACE);
  const sink = new ProblemSink(specFile);
  const blocks = allBlocks(spec);
  const facetClasses = new Map<string, string>();

  if (runtimeClass === undefined) {
    sink.reportAt(spec.blocksLocation, `${runtime.displayPath} has no class ${RUNTIME_CLASS}`);
  } else {
    for (const block of blocks) if (isHandlerBlock(block)) ensureHandlerMatches(block, runtimeClass, runtime.displayPath, sink, facetClasses);
    for (const menu of spec.menus) ensureMenuFunctionMatches(menu, runtimeClass, runtime.displayPath, sink);
  }
  if (hatInterface === undefined) {
    sink.reportAt(spec.blocksLocation, `${host.displayPath} has no interface ${HAT_INTERFACE}`);
  } else {
    const hats = blocks.filter(isHatBlock);
    for (const hat of hats) ensureEventExists(hat, hatInterface, host.displayPath, sink);
    ensureEveryEventHasHat(hats, hatInterface, host.displayPath, spec, sink);
  }
  return { problems: sink.problems(), facetClasses };
}

/**
 * The handler takes the target (unless the block says `usesTarget: false`), then one parameter
 * per argument in the order of the block's text, named for it (`URL` → `url`, `CLOSE_CODE` →
 * `closeCode`: case and `_` aside, the same name) and of its type, then (with a target) the
 * running thread last: `thread?: Thread`, optional and of the class's second type parameter, as
 * the generated method passes `util.thread` and tests may leave it out. Names matter because two
 * string arguments swapped would still type-check.
 */
function ensureHandlerMatches(block: HandlerBlockModel, runtimeClass: ClassDeclaration, runtimePath: string, sink: ProblemSink, facetClasses: Map<string, string>): void {
  const [facetName, methodName] = block.handler.includes('.') ? block.handler.split('.') : [undefined, block.handler];
  const owner = facetName === undefined ? runtimeClass : facetClass(runtimeClass, facetName);
  if (owner === undefined) {
    sink.reportAt(
      block.handlerLocation,
      `runtime has no facet '${facetName}' for handler '${block.handler}' of opcode '${block.opcode}' (a public readonly property of ${RUNTIME_CLASS} in ${runtimePath} whose type is a class)`,
    );
    return;
  }
  if (facetName !== undefined && owner.getName() !== undefined) facetClasses.set(facetName, owner.getName()!);
  const method = owner.getInstanceMethod(methodName!);
  if (method === undefined || method.getScope() !== Scope.Public) {
    const where = facetName === undefined ? `${RUNTIME_CLASS} in ${runtimePath}` : `class ${owner.getName()} of facet '${facetName}'`;
    sink.reportAt(block.handlerLocation, `runtime has no handler '${block.handler}' for opcode '${block.opcode}' (${where})`);
    return;
  }
  const [targetParameter, threadParameter] = owner.getTypeParameters();
  const targetType = targetParameter?.getName() ?? 'Target';
  const threadType = threadParameter?.getName() ?? 'Thread';
  const parameters = method.getParameters();
  // Where the block's arguments start among the parameters: after the target, if any.
  const first = block.usesTarget ? 1 : 0;
  // Where the thread goes: after the arguments, when there is a target.
  const last = first + block.arguments.length;
  const matches =
    parameters.length === (block.usesTarget ? last + 1 : last) &&
    parameters.every((parameter, index) => {
      if (parameter.isRestParameter()) return false;
      if (index === 0 && block.usesTarget) return isTypeParameterNamed(parameter.getType(), targetType);
      if (index === last) return isThreadParameter(parameter, threadType);
      return parameterFits(parameter, block.arguments[index - first]!);
    });
  if (matches) return;
  const expected = [
    ...(block.usesTarget ? [`target: ${targetType}`] : []),
    ...block.arguments.map((argument) => `${argument.name}: ${ARGUMENT_TYPE_INFO[argument.type].valueType}`),
    ...(block.usesTarget ? [`thread?: ${threadType}`] : []),
  ];
  const actual = parameters.map((parameter) => `${parameter.getName()}${parameter.isOptional() ? '?' : ''}: ${parameter.getTypeNode()?.getText() ?? 'any'}`);
  const pure = block.usesTarget ? '' : ' (usesTarget: false: no target, no thread)';
  sink.reportAt(
    block.handlerLocation,
    `handler '${block.handler}' for opcode '${block.opcode}' takes (${actual.join(', ')}), but the spec implies (${expected.join(', ')})${pure}`,
  );
}

/**
 * The class of the runtime's facet `name`: a public readonly property whose type is a class
 * declared in one of the loaded sources, or such a class or `undefined` (the runtime builds a
 * facet only when given its class); undefined otherwise (a method, a private field, a plain
 * object type, or a class the checker cannot see).
 */
function facetClass(runtimeClass: ClassDeclaration, name: string): ClassDeclaration | undefined {
  const property = runtimeClass.getInstanceProperty(name);
  if (property === undefined || !Node.isPropertyDeclaration(property)) return undefined;
  if (property.getScope() !== Scope.Public || !property.isReadonly()) return undefined;
  const declaration = property.getType().getNonNullableType().getSymbol()?.getDeclarations()[0];
  return declaration !== undefined && Node.isClassDeclaration(declaration) ? declaration : undefined;
}

/**
 * `thread?: Thread`: named `thread`, optional (a `?`, not a default value), of the class's
 * thread type parameter. The declared type is read from the annotation: the parameter's own type
 * is `Thread | undefined`, and taking `undefined` out of a type parameter gives `Thread & {}`.
 */
function isThreadParameter(parameter: ParameterDeclaration, threadType: string): boolean {
  const annotation = parameter.getTypeNode();
  return (
    parameter.getName() === 'thread' &&
    parameter.hasQuestionToken() &&
    annotation !== undefined &&
    isTypeParameterNamed(annotation.getType(), threadType)
  );
}

/** A dynamic menu's function is a public runtime method taking nothing and returning `string[]` (the items, each its own text). */
function ensureMenuFunctionMatches(menu: MenuModel, runtimeClass: ClassDeclaration, runtimePath: string, sink: ProblemSink): void {
  if (menu.items.kind !== 'dynamic') return;
  const name = menu.items.function;
  const method = runtimeClass.getInstanceMethod(name);
  if (method === undefined || method.getScope() !== Scope.Public) {
    sink.reportAt(menu.items.functionLocation, `runtime has no function '${name}' for menu ${menu.name} (${RUNTIME_CLASS} in ${runtimePath})`);
    return;
  }
  const returnType = method.getReturnType();
  const listsStrings = returnType.isArray() && returnType.getArrayElementType()?.isString() === true;
  if (method.getParameters().length === 0 && listsStrings) return;
  const actual = method.getParameters().map((parameter) => `${parameter.getName()}: ${parameter.getTypeNode()?.getText() ?? 'any'}`);
  sink.reportAt(
    menu.items.functionLocation,
    `function '${name}' for menu ${menu.name} takes (${actual.join(', ')}) and returns ${returnType.getText()}, but a menu function takes () and returns string[]`,
  );
}

function parameterFits(parameter: ParameterDeclaration, argument: ArgumentModel): boolean {
  return sameName(parameter.getName(), argument.name) && hasValueType(parameter.getType(), ARGUMENT_TYPE_INFO[argument.type].valueType);
}

/** `URL` and `url`, `CLOSE_CODE` and `closeCode`: the spec's names are upper case by Scratch convention. */
function sameName(parameterName: string, argumentName: string): boolean {
  const fold = (name: string): string => name.replace(/_/g, '').toLowerCase();
  return fold(parameterName) === fold(argumentName);
}

/** Exactly the primitive (not a union with it, not `any`): what `Scratch.Cast` hands over. */
function hasValueType(type: Type, valueType: 'string' | 'number' | 'boolean'): boolean {
  if (type.isAny() || type.isUnknown()) return false;
  if (valueType === 'string') return type.isString();
  if (valueType === 'number') return type.isNumber();
  return type.isBoolean();
}

function isTypeParameterNamed(type: Type, name: string): boolean {
  return type.isTypeParameter() && type.getSymbol()?.getName() === name;
}

function ensureEventExists(hat: HatBlockModel, hatInterface: InterfaceDeclaration, hostPath: string, sink: ProblemSink): void {
  if (hatInterface.getProperty(hat.event) !== undefined) return;
  const keys = hatInterface.getProperties().map((property) => property.getName());
  sink.reportAt(hat.eventLocation, `${HAT_INTERFACE} in ${hostPath} has no event '${hat.event}' for opcode '${hat.opcode}' (it has ${keys.join(', ')})`);
}

function ensureEveryEventHasHat(hats: HatBlockModel[], hatInterface: InterfaceDeclaration, hostPath: string, spec: SpecModel, sink: ProblemSink): void {
  const covered = new Set(hats.map((hat) => hat.event));
  for (const key of hatInterface.getProperties().map((property) => property.getName())) {
    if (!covered.has(key)) sink.reportAt(spec.blocksLocation, `no hat has event '${key}', but ${HAT_INTERFACE} in ${hostPath} needs an opcode for it`);
  }
}
