/**
 * The command behind `npm run generate`, as a function of its arguments and cwd, so tests
 * can run it in-process. Exit codes: 0 generated, 1 the spec has problems (all printed),
 * 2 bad command line or a file that cannot be read (one line on stderr).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatProblem, printable, type Problem } from './problems.js';
import { readWorkspaceContext, REPO_ROOT, UndecodableFilesError, UnreadableFileError } from './workspace.js';

export const USAGE = 'usage: tsx tools/codegen/src/cli.ts <spec.yaml>';

export interface CommandIo {
  cwd: string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

class UsageError extends Error {}

export async function runCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    return await generateFiles(argv, io);
  } catch (error) {
    if (error instanceof UndecodableFilesError) return reportProblems(error.problems, io);
    if (!(error instanceof UsageError || error instanceof UnreadableFileError)) throw error;
    // One line, whatever the argument or path holds (a line break, ESC).
    io.stderr(printable(`codegen: ${error.message}`));
    return 2;
  }
}

async function generateFiles(argv: readonly string[], io: CommandIo): Promise<number> {
  const context = await readWorkspaceContext(parseArguments(argv), io.cwd);
  // Loaded only once the command line and files are known good: ts-morph takes a moment.
  const { generate } = await import('./generate.js');
  const result = generate(context);
  if (!result.ok) return reportProblems(result.problems, io);
  let changed = 0;
  for (const file of result.files) {
    if (writeIfChanged(resolve(REPO_ROOT, file.path), file.text)) changed += 1;
  }
  for (const line of result.translationSummary) io.stdout(`codegen: translations ${line}`);
  io.stdout(`codegen: ${result.files.length} files generated, ${changed} changed`);
  return 0;
}

function reportProblems(problems: readonly Problem[], io: CommandIo): number {
  for (const problem of problems) io.stderr(formatProblem(problem));
  io.stderr(`${problems.length} problem(s) in the spec; nothing was generated.`);
  return 1;
}

function parseArguments(argv: readonly string[]): string {
  const flag = argv.find((argument) => argument.startsWith('-'));
  if (flag !== undefined) throw new UsageError(`unknown option '${flag}'; ${USAGE}`);
  if (argv.length !== 1) throw new UsageError(`expected one spec file, got ${argv.length}; ${USAGE}`);
  return argv[0] ?? '';
}

/** Leaves unchanged files alone, so their timestamps (and watchers) are not disturbed. */
function writeIfChanged(path: string, text: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return true;
}
