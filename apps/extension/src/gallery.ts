/// <reference types="@turbowarp/types-tw/types/scratch-vm-extension" />
/**
 * The entry of dist/gallery/ws.js, the file for TurboWarp's extension gallery. It ships no
 * translations of its own and never calls `Scratch.translate.setup`: the gallery collects
 * the literal `Scratch.translate(...)` texts, translates them through its own service and
 * adds the translations when it builds.
 */
import { registerExtension } from './register';

registerExtension();
