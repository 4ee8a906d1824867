/**
 * Runs, for each gallery piece, the e2e test files that test its blocks (src/pieces.ts) against
 * that piece's built ws.js, in the real TurboWarp VM. Pieces run one after another (the machine
 * is shared); pass piece ids to run only those: `tsx pieces/run.ts gallery status`.
 * Exits 1 when a piece has no test file, a file uses a block the piece lacks, or a test fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pieceTestPlan, testFile } from '../src/pieces';

const galleryPiece = (slug: string): string => fileURLToPath(new URL(`../../extension/dist/gallery/pieces/${slug}/ws.js`, import.meta.url));
const chosen = process.argv.slice(2);
let failed = false;
for (const { step, files, missing } of pieceTestPlan()) {
  if (chosen.length > 0 && !chosen.includes(step.piece.id)) continue;
  const bundle = galleryPiece(step.slug);
  const problem =
    files.length === 0 ? 'no e2e test file is listed for it in src/pieces.ts'
    : missing.length > 0 ? `its test files use blocks it lacks: ${missing.join(', ')}`
    : !existsSync(bundle) ? `${bundle} is missing: run \`npx nx run extension:build\``
    : null;
  if (problem !== null) {
    process.stderr.write(`piece ${step.slug}: ${problem}\n`);
    failed = true;
    continue;
  }
  process.stdout.write(`piece ${step.slug}: ${files.join(', ')} against ${bundle}\n`);
  const run = spawnSync('npx', ['vitest', 'run', ...files.map(testFile)], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, E2E_EXTENSION_BUNDLE: bundle },
    stdio: 'inherit',
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
