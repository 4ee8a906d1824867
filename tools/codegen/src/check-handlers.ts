import { Project, Scope, type ClassDeclaration, type InterfaceDeclaration } from 'ts-morph';
import type { SourceText } from './context.js';
import { allBlocks, isHatBlock, type HandlerBlockModel, type HatBlockModel, type SpecLocation, type SpecModel } from './model.js';
import type { Problem } from './problems.js';

const RUNTIME_CLASS = 'WebSocketRuntime';
const HAT_INTERFACE = 'HatOpcodes';

/**
 * Checks the spec against the runtime's source: every handler is a method of
 * WebSocketRuntime taking (target, ...arguments in spec order) with the declared types, and
 * every hat's event is a key of HatOpcodes (and every key has a hat, since the extension
 * must pass the runtime an opcode for each). Reads the sources as text, so it is pure.
 */
export function checkHandlers(spec: SpecModel, specFile: string, runtime: SourceText, host: SourceText): Problem[] {
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const runtimeClass = project.createSourceFile('runtime.ts', runtime.text).getClass(RUNTIME_CLASS);
  const hatInterface = project.createSourceFile('host.ts', host.text).getInterface(HAT_INTERFACE);
  const at = (location: SpecLocation, message: string): Problem => ({ file: specFile, ...location, message });
  const blocks = allBlocks(spec);

  const problems: Problem[] = [];
  if (runtimeClass === undefined) {
    problems.push(at(spec.blocksLocation, `${runtime.displayPath} has no class ${RUNTIME_CLASS}`));
  } else {
    for (const block of blocks) {
      if (!isHatBlock(block)) problems.push(...checkHandler(block, runtimeClass, runtime.displayPath).map((message) => at(block.handlerLocation, message)));
    }
  }
  if (hatInterface === undefined) {
    problems.push(at(spec.blocksLocation, `${host.displayPath} has no interface ${HAT_INTERFACE}`));
  } else {
    const hats = blocks.filter(isHatBlock);
    for (const hat of hats) problems.push(...checkEvent(hat, hatInterface, host.displayPath).map((message) => at(hat.eventLocation, message)));
    const covered = new Set(hats.map((hat) => hat.event));
    for (const key of hatInterface.getProperties().map((property) => property.getName())) {
      if (!covered.has(key)) problems.push(at(spec.blocksLocation, `no hat has event '${key}', but ${HAT_INTERFACE} in ${host.displayPath} needs an opcode for it`));
    }
  }
  return problems;
}

function checkHandler(block: HandlerBlockModel, runtimeClass: ClassDeclaration, runtimePath: string): string[] {
  const method = runtimeClass.getInstanceMethod(block.handler);
  if (method === undefined || method.getScope() !== Scope.Public) {
    return [`runtime has no handler '${block.handler}' for opcode '${block.opcode}' (${RUNTIME_CLASS} in ${runtimePath})`];
  }
  const targetType = runtimeClass.getTypeParameters()[0]?.getName() ?? 'Target';
  const expected = [`target: ${targetType}`, ...block.arguments.map((argument) => `${argument.name}: ${argument.type}`)];
  const actualParameters = method.getParameters();
  const matches =
    actualParameters.length === expected.length &&
    actualParameters.every((parameter, index) => {
      const type = parameter.getTypeNode()?.getText() ?? 'any';
      const wanted = index === 0 ? targetType : block.arguments[index - 1]?.type;
      return type === wanted && !parameter.isRestParameter();
    });
  if (matches) return [];
  const actual = actualParameters.map((parameter) => `${parameter.getName()}: ${parameter.getTypeNode()?.getText() ?? 'any'}`);
  return [
    `handler '${block.handler}' for opcode '${block.opcode}' takes (${actual.join(', ')}), but the spec implies (${expected.join(', ')})`,
  ];
}

function checkEvent(hat: HatBlockModel, hatInterface: InterfaceDeclaration, hostPath: string): string[] {
  if (hatInterface.getProperty(hat.event) !== undefined) return [];
  const keys = hatInterface.getProperties().map((property) => property.getName());
  return [`${HAT_INTERFACE} in ${hostPath} has no event '${hat.event}' for opcode '${hat.opcode}' (it has ${keys.join(', ')})`];
}
