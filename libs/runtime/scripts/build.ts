/**
 * Builds the publishable runtime into libs/runtime/dist:
 *   index.js  (ESM) and index.cjs (CommonJS), bundled by esbuild from src/index.ts;
 *   *.d.ts and *.d.cts declarations, emitted by tsc (tsconfig.build.json) and split into an
 *   ESM and a CommonJS tree (see dual-declarations.ts).
 * Run by `nx run runtime:build`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { FLAVOURS, rewriteDeclaration, type DeclarationFlavour } from './dual-declarations';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(packageRoot, 'dist');
/** tsc's raw output; removed once both trees are written. */
const emitted = path.join(dist, '.declarations');

const shared: BuildOptions = {
  entryPoints: [path.join(packageRoot, 'src/index.ts')],
  bundle: true,
  // Neutral: the runtime runs in browsers and Node alike and must not pull in Node built-ins.
  platform: 'neutral',
  target: 'es2022',
  sourcemap: false,
  logLevel: 'warning',
};

function listDeclarations(dir: string, base = ''): string[] {
  return fs.readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(base, entry.name);
    if (entry.isDirectory()) return listDeclarations(dir, relative);
    return relative.endsWith('.d.ts') ? [relative] : [];
  });
}

function emitDeclarations(): void {
  const tsc = path.join(packageRoot, '../../node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(packageRoot, 'tsconfig.build.json')], {
    stdio: 'inherit',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(`tsc -p libs/runtime/tsconfig.build.json failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  const files = listDeclarations(emitted);
  const modules = new Set(files.map((file) => file.slice(0, -'.d.ts'.length)));
  for (const file of files) {
    const text = fs.readFileSync(path.join(emitted, file), 'utf8');
    const module = file.slice(0, -'.d.ts'.length);
    for (const flavour of Object.keys(FLAVOURS) as DeclarationFlavour[]) {
      const out = path.join(dist, module + FLAVOURS[flavour].declaration);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, rewriteDeclaration(text, file, modules, flavour));
    }
  }
  fs.rmSync(emitted, { recursive: true, force: true });
}

fs.rmSync(dist, { recursive: true, force: true });
await build({ ...shared, format: 'esm', outfile: path.join(dist, 'index.js') });
await build({ ...shared, format: 'cjs', outfile: path.join(dist, 'index.cjs') });
emitDeclarations();
