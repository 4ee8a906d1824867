import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { verdaccioConfig } from '../src/verdaccio';

describe('verdaccioConfig', () => {
  it('keeps the registry local: storage in the given folder, no uplinks, no web UI, warnings only', () => {
    expect(parse(verdaccioConfig('/tmp/publish-e2e-x/registry/storage'))).toEqual({
      storage: '/tmp/publish-e2e-x/registry/storage',
      uplinks: {},
      packages: { '**': { access: '$all', publish: '$anonymous' } },
      web: { enable: false },
      log: { type: 'stdout', format: 'pretty', level: 'warn' },
    });
  });

  it('quotes a storage path that YAML would otherwise misread', () => {
    expect(parse(verdaccioConfig('/tmp/a: b #c')).storage).toBe('/tmp/a: b #c');
  });
});
