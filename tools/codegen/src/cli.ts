#!/usr/bin/env tsx
/** `npm run generate`: the process around runCommand (see command.ts for the exit codes). */
import { runCommand } from './command.js';

process.exitCode = await runCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
