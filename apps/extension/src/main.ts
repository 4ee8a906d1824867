/// <reference types="@turbowarp/types-tw/types/scratch-vm-extension" />
/**
 * The entry of dist/websocket.js, the standalone file: TurboWarp runs it with its `Scratch`
 * object. (The gallery's file has its own entry, src/gallery.ts.)
 */
import { TRANSLATIONS } from './generated/translations';
import { registerExtension } from './register';

// Before registering: TurboWarp calls getInfo() at once, and the texts must find their
// translations. Only this standalone entry ships them (generated/translations.ts is its own
// module, which the gallery's entry leaves out). A Scratch mod without translate.setup shows
// the English texts rather than failing to load.
if (typeof Scratch.translate.setup === 'function') Scratch.translate.setup(TRANSLATIONS);
registerExtension();
