import { describe, expect, it } from 'vitest';
import { rewriteDeclaration, rewriteSpecifier } from '../../../libs/runtime/scripts/dual-declarations';

const modules = new Set(['index', 'host', 'rules/close-code', 'rules/index']);

describe('rewriteSpecifier', () => {
  const table: Array<[string, string, 'esm' | 'cjs', string]> = [
    ['./host', 'index.d.ts', 'esm', './host.js'],
    ['./host', 'index.d.ts', 'cjs', './host.cjs'],
    ['./host.js', 'index.d.ts', 'esm', './host.js'],
    ['./host.js', 'index.d.ts', 'cjs', './host.cjs'],
    ['./host.ts', 'index.d.ts', 'cjs', './host.cjs'],
    ['./rules', 'index.d.ts', 'esm', './rules/index.js'],
    ['./rules/', 'index.d.ts', 'cjs', './rules/index.cjs'],
    ['./close-code', 'rules/index.d.ts', 'cjs', './close-code.cjs'],
    ['../host.js', 'rules/close-code.d.ts', 'cjs', '../host.cjs'],
    ['ws', 'index.d.ts', 'cjs', 'ws'],
    ['@scratch-websocket/runtime', 'index.d.ts', 'esm', '@scratch-websocket/runtime'],
  ];
  it.each(table)('rewrites %s in %s for %s to %s', (specifier, from, flavour, expected) => {
    expect(rewriteSpecifier(specifier, from, modules, flavour)).toBe(expected);
  });

  it('refuses a relative specifier that names no emitted declaration', () => {
    expect(() => rewriteSpecifier('./missing', 'index.d.ts', modules, 'esm')).toThrow(
      "index.d.ts: './missing' names no emitted declaration (looked for missing and missing/index)",
    );
  });
});

describe('rewriteDeclaration', () => {
  const source = [
    "import type { Host } from './host';",
    "export * from './host.js';",
    "export * as rules from './rules';",
    'export { normalizeCloseCode } from "./rules/close-code";',
    "export declare const host: import('./host').Host<object>;",
    "export declare const ws: import('ws').WebSocket;",
    '',
  ].join('\n');

  it('gives the ESM tree .js specifiers, keeping quotes and package names', () => {
    expect(rewriteDeclaration(source, 'index.d.ts', modules, 'esm')).toBe(
      [
        "import type { Host } from './host.js';",
        "export * from './host.js';",
        "export * as rules from './rules/index.js';",
        'export { normalizeCloseCode } from "./rules/close-code.js";',
        "export declare const host: import('./host.js').Host<object>;",
        "export declare const ws: import('ws').WebSocket;",
        '',
      ].join('\n'),
    );
  });

  it('gives the CommonJS tree .cjs specifiers', () => {
    expect(rewriteDeclaration(source, 'index.d.ts', modules, 'cjs')).toBe(
      [
        "import type { Host } from './host.cjs';",
        "export * from './host.cjs';",
        "export * as rules from './rules/index.cjs';",
        'export { normalizeCloseCode } from "./rules/close-code.cjs";',
        "export declare const host: import('./host.cjs').Host<object>;",
        "export declare const ws: import('ws').WebSocket;",
        '',
      ].join('\n'),
    );
  });

  it('leaves a file without relative specifiers unchanged', () => {
    const text = 'export declare const MAX: 123;\n';
    expect(rewriteDeclaration(text, 'rules/close-code.d.ts', modules, 'cjs')).toBe(text);
  });
});
