import { describe, expect, it } from 'vitest';
import { run, runOk } from '../src/run';

const options = { cwd: process.cwd(), env: process.env, timeoutMs: 10_000 };

describe('run', () => {
  it('collects stdout, stderr and the exit code', async () => {
    const result = await run(process.execPath, ['-e', 'console.log("out"); console.error("err"); process.exitCode = 3'], options);
    expect(result).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n' });
  });

  it('kills a command that outlives its timeout and names it in the error', async () => {
    const args = ['-e', 'console.log("started"); setInterval(() => {}, 1000)'];
    // Long enough for Node to start and print on a loaded machine; the command never ends by itself.
    await expect(run(process.execPath, args, { ...options, timeoutMs: 5_000 })).rejects.toThrow(
      `timed out after 5000 ms: ${process.execPath} -e console.log("started"); setInterval(() => {}, 1000)\nstarted\n`,
    );
  });

  it('rejects when the command cannot be started', async () => {
    await expect(run('/nonexistent/command', [], options)).rejects.toThrow(
      'could not start /nonexistent/command: spawn /nonexistent/command ENOENT',
    );
  });
});

describe('runOk', () => {
  it('turns a non-zero exit into an error carrying the output', async () => {
    await expect(runOk(process.execPath, ['-e', 'console.error("broken"); process.exit(2)'], options)).rejects.toThrow(
      /exited with 2\n--- stdout\n\n--- stderr\nbroken\n/,
    );
  });
});
