/**
 * Whether this copy of the runtime keeps what only Node and our tests use: Node's Buffer as a
 * base64 encoder, `ws`'s `terminate()`, and the test options `timing` and `reconnectDelay`.
 * True here, for the published package and the tests. The extension's browser bundles load
 * this module as `export const NODE_AND_TESTS = false;` (apps/extension/rollup-bundle.ts,
 * BROWSER_MODULES), and the bundler then drops every branch that needs it, so the script
 * TurboWarp runs holds only code a browser can reach.
 */
export const NODE_AND_TESTS: boolean = true;
