#!/usr/bin/env tsx
/**
 * The shell around the pure pipeline: reads the spec and the runtime's sources, writes the
 * generated files. Exit codes: 0 generated, 1 the spec has problems (all printed),
 * 2 bad command line or a file that cannot be read.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OUTPUTS, DEFAULT_RUNTIME_PATHS, type SourceText } from './context.js';
import { generate } from './generate.js';
import { formatProblem } from './problems.js';

const USAGE = 'usage: tsx tools/codegen/src/cli.ts <spec.yaml>';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

class UsageError extends Error {}

function main(argv: string[]): number {
  const specArgument = parseArguments(argv);
  const cwd = process.cwd();
  const read = (absolute: string): SourceText => {
    if (!existsSync(absolute)) throw new UsageError(`cannot read ${relative(cwd, absolute) || absolute}: no such file`);
    return { path: relative(REPO_ROOT, absolute), displayPath: relative(cwd, absolute), text: readFileSync(absolute, 'utf8') };
  };
  const result = generate({
    spec: read(resolve(cwd, specArgument)),
    runtime: read(resolve(REPO_ROOT, DEFAULT_RUNTIME_PATHS.runtime)),
    host: read(resolve(REPO_ROOT, DEFAULT_RUNTIME_PATHS.host)),
    existingTests: existingTests(resolve(REPO_ROOT, DEFAULT_OUTPUTS.blockTests)),
    outputs: DEFAULT_OUTPUTS,
  });
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    process.stderr.write(`${result.problems.length} problem(s) in the spec; nothing was generated.\n`);
    return 1;
  }
  let written = 0;
  for (const file of result.files) {
    if (writeIfChanged(resolve(REPO_ROOT, file.path), file.text)) written += 1;
  }
  process.stdout.write(`codegen: ${result.files.length} files generated, ${written} changed\n`);
  return 0;
}

function parseArguments(argv: string[]): string {
  const flag = argv.find((argument) => argument.startsWith('-'));
  if (flag !== undefined) throw new UsageError(`unknown option '${flag}'; ${USAGE}`);
  if (argv.length !== 1) throw new UsageError(`expected one spec file, got ${argv.length}; ${USAGE}`);
  return argv[0] ?? '';
}

function existingTests(folder: string): Set<string> {
  if (!existsSync(folder)) return new Set();
  return new Set(readdirSync(folder).filter((name) => name.endsWith('.test.ts')).map((name) => name.slice(0, -'.test.ts'.length)));
}

/** Leaves unchanged files alone, so their timestamps (and watchers) are not disturbed. */
function writeIfChanged(path: string, text: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return true;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`codegen: ${error.message}\n`);
  process.exitCode = 2;
}
