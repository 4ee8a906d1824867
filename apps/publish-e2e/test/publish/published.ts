import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WebSocketServer } from 'ws';
import { runOk, type RunResult } from '../../src/run';
import { startVerdaccio, type Registry } from '../../src/verdaccio';
import { PACKAGES, RELEASE_FILES, isolatedEnv, nxBin, packageVersion, workspaceRoot } from '../../src/workspace';
import { closeEchoServer, startEchoServer } from './echo-server';

const fixtures = new URL('../../fixtures/consumer/', import.meta.url);
const BUILD_TIMEOUT_MS = 240_000;
export const NPM_TIMEOUT_MS = 90_000;
export const NODE_TIMEOUT_MS = 20_000;
/** Any version other than the current one: the dry run only prints what it would do with it. */
export const DRY_RUN_VERSION = '9.8.7';
export const version = packageVersion(PACKAGES.runtime.root);

export async function releaseFilesStatus(): Promise<string> {
  const result = await runOk('git', ['status', '--porcelain', '--', ...RELEASE_FILES], {
    cwd: workspaceRoot,
    env: process.env,
    timeoutMs: 10_000,
  });
  return result.stdout;
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

/**
 * One dry run, publish and install that every check of publish.test.ts reads: `setUp` fills the
 * fields (before all tests), `tearDown` stops the servers and removes the temporary folder.
 */
export class Published {
  tmp = '';
  registry: Registry | undefined;
  echoServer: WebSocketServer | undefined;
  echoUrl = '';
  env: NodeJS.ProcessEnv = {};
  consumer = '';
  dryRunOutput: RunResult | undefined;
  publishOutput: RunResult | undefined;
  releaseFilesBefore = '';
  /** Seconds per phase, printed at the end as figures (never asserted). */
  private readonly figures: string[] = [];

  private async timed<T>(label: string, phase: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await phase();
    } finally {
      this.figures.push(`${label} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }

  async setUp(): Promise<void> {
    this.releaseFilesBefore = await releaseFilesStatus();
    // Real path: Node reports resolved modules by their real path (macOS's /tmp is a link).
    this.tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'publish-e2e-')));
    this.registry = await startVerdaccio(workspaceRoot, path.join(this.tmp, 'registry'));
    const registryUrl = this.registry.url;
    const npmrc = path.join(this.tmp, '.npmrc');
    // Any token will do: Verdaccio lets $anonymous publish; npm just refuses to publish without one.
    fs.writeFileSync(npmrc, `registry=${registryUrl}/\n//127.0.0.1:${this.registry.port}/:_authToken=fake\n`);
    this.env = isolatedEnv({ npm_config_userconfig: npmrc, npm_config_cache: path.join(this.tmp, 'npm-cache') });
    const env = this.env;

    // The dry run goes first: once the packages are on the registry, its publish step would
    // skip them as already published instead of showing what it would publish. Its
    // pre-version command builds both packages, for the publish below too.
    this.dryRunOutput = await this.timed('nx release --dry-run', () =>
      runOk(process.execPath, [nxBin, 'release', DRY_RUN_VERSION, '--dry-run', '--yes'], {
        cwd: workspaceRoot,
        // Its publish step asks the registry about existing versions: ours, never npmjs.
        env: { ...env, npm_config_registry: `${registryUrl}/` },
        timeoutMs: BUILD_TIMEOUT_MS,
      }),
    );
    this.publishOutput = await this.timed('nx release publish', () =>
      runOk(process.execPath, [nxBin, 'release', 'publish', '--registry', registryUrl], {
        cwd: workspaceRoot,
        env,
        timeoutMs: NPM_TIMEOUT_MS,
      }),
    );

    const consumer = path.join(this.tmp, 'consumer');
    this.consumer = consumer;
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
    await this.timed('npm install', () => runOk('npm', installArgs, { cwd: consumer, env, timeoutMs: NPM_TIMEOUT_MS }));

    this.echoServer = await startEchoServer();
    const address = this.echoServer.address();
    if (address === null || typeof address === 'string') throw new Error(`echo server has no port: ${String(address)}`);
    this.echoUrl = `ws://127.0.0.1:${address.port}/`;
  }

  async tearDown(): Promise<void> {
    console.log(`publish-e2e figures: ${this.figures.join(', ')}`);
    try {
      if (this.echoServer) await closeEchoServer(this.echoServer);
      if (this.registry) await this.registry.stop();
    } finally {
      if (this.tmp) fs.rmSync(this.tmp, { recursive: true, force: true });
    }
  }
}
