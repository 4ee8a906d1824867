/**
 * Publishes both packages to a real registry (Verdaccio on 127.0.0.1) with `nx release
 * publish`, installs them into a fresh project as a user would, and uses them from there:
 * the runtime through `import` and `require` and from strict TypeScript, the extension as a file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { run, runOk, type RunResult } from '../src/run';
import { startVerdaccio, type Registry } from '../src/verdaccio';
import { PACKAGES, RELEASE_FILES, isolatedEnv, nxBin, packageVersion, workspaceRoot } from '../src/workspace';

const fixtures = new URL('../fixtures/consumer/', import.meta.url);
const BUILD_TIMEOUT_MS = 240_000;
const NPM_TIMEOUT_MS = 90_000;
const NODE_TIMEOUT_MS = 20_000;
/** Any version other than the current one: the dry run only prints what it would do with it. */
const DRY_RUN_VERSION = '9.8.7';

let tmp = '';
let registry: Registry | undefined;
let echoServer: WebSocketServer | undefined;
let echoUrl = '';
let env: NodeJS.ProcessEnv = {};
let consumer = '';
let dryRunOutput: RunResult | undefined;
let publishOutput: RunResult | undefined;
let releaseFilesBefore = '';
const version = packageVersion(PACKAGES.runtime.root);
/** Seconds per phase, printed at the end as figures (never asserted). */
const figures: string[] = [];

async function timed<T>(label: string, phase: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await phase();
  } finally {
    figures.push(`${label} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

async function releaseFilesStatus(): Promise<string> {
  const result = await runOk('git', ['status', '--porcelain', '--', ...RELEASE_FILES], {
    cwd: workspaceRoot,
    env: process.env,
    timeoutMs: 10_000,
  });
  return result.stdout;
}

function startEchoServer(): Promise<WebSocketServer> {
  return new Promise((resolve, reject) => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (socket) => {
      socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
    });
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

function closeEchoServer(server: WebSocketServer): Promise<void> {
  for (const client of server.clients) client.terminate();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

function writeConsumerProject(folder: string): void {
  fs.mkdirSync(folder, { recursive: true });
  for (const file of fs.readdirSync(fixtures)) {
    fs.copyFileSync(new URL(file, fixtures), path.join(folder, file));
  }
  fs.writeFileSync(
    path.join(folder, 'package.json'),
    `${JSON.stringify({ name: 'consumer', version: '0.0.0', private: true }, null, 2)}\n`,
  );
}

beforeAll(async () => {
  releaseFilesBefore = await releaseFilesStatus();
  // Real path: Node reports resolved modules by their real path (macOS's /tmp is a link).
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'publish-e2e-')));
  registry = await startVerdaccio(workspaceRoot, path.join(tmp, 'registry'));
  const registryUrl = registry.url;
  const npmrc = path.join(tmp, '.npmrc');
  // Any token will do: Verdaccio lets $anonymous publish; npm just refuses to publish without one.
  fs.writeFileSync(npmrc, `registry=${registryUrl}/\n//127.0.0.1:${registry.port}/:_authToken=fake\n`);
  env = isolatedEnv({ npm_config_userconfig: npmrc, npm_config_cache: path.join(tmp, 'npm-cache') });

  // The dry run goes first: once the packages are on the registry, its publish step would
  // skip them as already published instead of showing what it would publish. Its
  // pre-version command builds both packages, for the publish below too.
  dryRunOutput = await timed('nx release --dry-run', () =>
    runOk(process.execPath, [nxBin, 'release', DRY_RUN_VERSION, '--dry-run', '--yes'], {
      cwd: workspaceRoot,
      // Its publish step asks the registry about existing versions: ours, never npmjs.
      env: { ...env, npm_config_registry: `${registryUrl}/` },
      timeoutMs: BUILD_TIMEOUT_MS,
    }),
  );
  publishOutput = await timed('nx release publish', () =>
    runOk(process.execPath, [nxBin, 'release', 'publish', '--registry', registryUrl], {
      cwd: workspaceRoot,
      env,
      timeoutMs: NPM_TIMEOUT_MS,
    }),
  );

  consumer = path.join(tmp, 'consumer');
  writeConsumerProject(consumer);
  const installArgs = [
    'install',
    '--registry',
    registryUrl,
    '--no-audit',
    '--no-fund',
    `${PACKAGES.runtime.name}@${version}`,
    `${PACKAGES.extension.name}@${version}`,
    // ws comes from the workspace, so installing needs nothing from the internet.
    `ws@file:${path.join(workspaceRoot, 'node_modules/ws')}`,
  ];
  await timed('npm install', () => runOk('npm', installArgs, { cwd: consumer, env, timeoutMs: NPM_TIMEOUT_MS }));

  echoServer = await startEchoServer();
  const address = echoServer.address();
  if (address === null || typeof address === 'string') throw new Error(`echo server has no port: ${String(address)}`);
  echoUrl = `ws://127.0.0.1:${address.port}/`;
});

afterAll(async () => {
  console.log(`publish-e2e figures: ${figures.join(', ')}`);
  try {
    if (echoServer) await closeEchoServer(echoServer);
    if (registry) await registry.stop();
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
});

describe('nx release publish', () => {
  it('publishes both packages at the workspace version to the local registry', async () => {
    expect(publishOutput?.stdout).toContain(`Successfully ran target nx-release-publish for 2 projects`);
    for (const { name } of Object.values(PACKAGES)) {
      const view = await runOk('npm', ['view', `${name}@${version}`, 'version', '--registry', registry!.url], {
        cwd: tmp,
        env,
        timeoutMs: NPM_TIMEOUT_MS,
      });
      expect(view.stdout.trim()).toBe(version);
    }
  });
});

describe('the installed runtime', () => {
  const installed = (file: string): string => path.join(consumer, 'node_modules', PACKAGES.runtime.name, file);

  it('has no runtime dependencies, so installing it needs nothing but our registry', () => {
    const manifest = JSON.parse(fs.readFileSync(installed('package.json'), 'utf8'));
    expect(manifest.version).toBe(version);
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies ?? {}).toEqual({});
  });

  it('loads its ESM build through import and echoes a message through a ws server', async () => {
    const result = await runOk(process.execPath, ['echo.mjs', echoUrl, 'hello from import'], {
      cwd: consumer,
      env,
      timeoutMs: NODE_TIMEOUT_MS,
    });
    const output = JSON.parse(result.stdout);
    expect(output.resolved).toBe(pathToFileURL(installed('dist/index.js')).href);
    expect(output.echo).toBe('hello from import');
  });

  it('loads its CommonJS build through require and echoes a message through a ws server', async () => {
    const result = await runOk(process.execPath, ['echo.cjs', echoUrl, 'hello from require'], {
      cwd: consumer,
      env,
      timeoutMs: NODE_TIMEOUT_MS,
    });
    const output = JSON.parse(result.stdout);
    expect(output.resolved).toBe(installed('dist/index.cjs'));
    expect(output.echo).toBe('hello from require');
  });

  // nodenext lets a .cts reach ESM types (require of ESM, TS 5.8+); node16 does not, so it
  // also proves that the .d.cts tree is CommonJS all the way down.
  it.each(['tsconfig.json', 'tsconfig.node16.json'])(
    'type-checks strict .mts and .cts consumers against the .d.ts and .d.cts it ships (%s)',
    async (tsconfig) => {
      const tsc = path.join(workspaceRoot, 'node_modules/typescript/bin/tsc');
      const result = await run(process.execPath, [tsc, '-p', tsconfig, '--listFiles'], {
        cwd: consumer,
        env,
        timeoutMs: NODE_TIMEOUT_MS * 3,
      });
      expect(result.stdout.split('\n').filter((line) => line.includes('error TS'))).toEqual([]);
      expect(result.code).toBe(0);
      const listed = result.stdout.split('\n').map((line) => line.trim());
      expect(listed).toContain(fs.realpathSync(installed('dist/index.d.ts')));
      expect(listed).toContain(fs.realpathSync(installed('dist/index.d.cts')));
      expect(listed).toContain(fs.realpathSync(installed('dist/runtime.d.cts')));
    },
  );
});

describe('the installed extension', () => {
  const installed = (file: string): string => path.join(consumer, 'node_modules', PACKAGES.extension.name, file);

  it('ships dist/websocket.js starting with the gallery header', () => {
    const script = fs.readFileSync(installed('dist/websocket.js'), 'utf8');
    expect(script.split('\n').slice(0, 2)).toEqual(['// Name: WebSocket', '// ID: gsaWebsocket']);
  });

  it('ships the generated docs page as Markdown and HTML', () => {
    for (const file of ['websocket.md', 'websocket.html']) {
      const shipped = fs.readFileSync(installed(`dist/docs/${file}`), 'utf8');
      expect(shipped).toBe(fs.readFileSync(path.join(workspaceRoot, 'apps/docs/generated', file), 'utf8'));
    }
  });

  it('ships scratchblocks next to the docs page, which loads it by the relative path vendor/', () => {
    expect(fs.readFileSync(installed('dist/docs/websocket.html'), 'utf8')).toContain(
      '<script src="vendor/scratchblocks.min.js"></script>',
    );
    expect(fs.statSync(installed('dist/docs/vendor/scratchblocks.min.js')).size).toBeGreaterThan(0);
  });
});

describe('nx release --dry-run', () => {
  it('builds, versions, changelogs and would publish both packages, writing nothing', () => {
    const output = dryRunOutput?.stdout ?? '';
    expect(output).toContain('Executing pre-version command');
    for (const { project, root, name } of Object.values(PACKAGES)) {
      expect(output).toContain(`New version ${DRY_RUN_VERSION} written to manifest: ${root}/package.json`);
      expect(output).toContain(`> nx run ${project}:nx-release-publish`);
      expect(output).toContain(`${name}@X.X.X-dry-run`);
    }
    expect(output).toContain(`Previewing an entry in CHANGELOG.md for v${DRY_RUN_VERSION}`);
    expect(output.split(`Would publish to ${registry!.url}/ with tag "latest", but [dry-run] was set`)).toHaveLength(3);
    expect(dryRunOutput?.stderr).toContain('NOTE: The "dryRun" flag means no changes were made.');
  });
});

/** Every module under `dir` as a POSIX path without `.ts` (tests and declarations excluded). */
function sourceModules(dir: string, base = ''): string[] {
  return fs.readdirSync(path.join(dir, base), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(base, entry.name);
    if (entry.isDirectory()) return sourceModules(dir, relative);
    const isModule = entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts');
    return isModule ? [relative.slice(0, -'.ts'.length)] : [];
  });
}

async function packedFiles(root: string): Promise<string[]> {
  // With --json, npm prints the prepack/postpack banners on stderr, so stdout stays JSON.
  const result = await runOk('npm', ['pack', '--dry-run', '--json'], {
    cwd: path.join(workspaceRoot, root),
    env,
    timeoutMs: NPM_TIMEOUT_MS,
  });
  const [pack] = JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>;
  return (pack?.files ?? []).map((file) => file.path).sort();
}

describe('npm pack --dry-run', () => {
  it('packs the runtime as built code, one .d.ts and one .d.cts per source module, README and LICENSE', async () => {
    const modules = sourceModules(path.join(workspaceRoot, PACKAGES.runtime.root, 'src'));
    const expected = [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/index.js',
      'dist/index.cjs',
      ...modules.flatMap((module) => [`dist/${module}.d.ts`, `dist/${module}.d.cts`]),
    ].sort();
    expect(await packedFiles(PACKAGES.runtime.root)).toEqual(expected);
  });

  it('packs the extension as the one script, its docs page with scratchblocks, README and LICENSE', async () => {
    expect(await packedFiles(PACKAGES.extension.root)).toEqual(
      [
        'LICENSE',
        'README.md',
        'package.json',
        'dist/websocket.js',
        'dist/docs/websocket.md',
        'dist/docs/websocket.html',
        'dist/docs/vendor/scratchblocks.min.js',
      ].sort(),
    );
  });

  it('copies the docs into the extension only while packing, leaving the build output as Nx cached it', async () => {
    await packedFiles(PACKAGES.extension.root);
    expect(fs.existsSync(path.join(workspaceRoot, PACKAGES.extension.root, 'dist/docs'))).toBe(false);
  });
});

describe('the working tree', () => {
  it('is left as the tests found it: no version bumped, no changelog written', async () => {
    expect(await releaseFilesStatus()).toBe(releaseFilesBefore);
  });
});
