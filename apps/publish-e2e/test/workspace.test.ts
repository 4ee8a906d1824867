import { afterEach, describe, expect, it, vi } from 'vitest';
import { isolatedEnv } from '../src/workspace';

describe('isolatedEnv', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('drops every npm setting inherited from an outer npm run, whatever its case', () => {
    vi.stubEnv('npm_config_registry', 'https://registry.npmjs.org/');
    vi.stubEnv('NPM_CONFIG_USERCONFIG', '/home/someone/.npmrc');
    vi.stubEnv('PUBLISH_E2E_KEPT', 'yes');
    const env = isolatedEnv({ npm_config_cache: '/tmp/cache' });
    expect(env.npm_config_registry).toBeUndefined();
    expect(env.NPM_CONFIG_USERCONFIG).toBeUndefined();
    expect(env.PUBLISH_E2E_KEPT).toBe('yes');
    expect(env.npm_config_cache).toBe('/tmp/cache');
  });

  it("turns off Nx's terminal UI, daemon and cloud, and colour", () => {
    const env = isolatedEnv({});
    expect([env.NX_TUI, env.NX_DAEMON, env.NX_NO_CLOUD, env.NO_COLOR]).toEqual(['false', 'false', 'true', '1']);
  });
});
