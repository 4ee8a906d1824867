/// <reference types="@turbowarp/types-tw/types/scratch-vm-extension" />
/**
 * The entry of dist/websocket.js, the standalone file: TurboWarp runs it with its `Scratch`
 * object. (The gallery's file has its own entry, src/gallery.ts.)
 */
import { registerExtension } from './register';

registerExtension();
