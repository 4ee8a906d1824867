import { translate } from './scratch';

/**
 * The generated getInfo() calls `Scratch.translate(...)` by name (the gallery's translation
 * export looks for exactly that), which in TurboWarp is the `Scratch` the script is run with.
 * Node has no such global: every test file gets one with `translate` in English.
 */
Object.assign(globalThis, { Scratch: { translate } });
