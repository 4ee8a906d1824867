import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useE2e } from './fixture';

const GALLERY_PAGE = fileURLToPath(new URL('../../docs/generated/gallery/ws.md', import.meta.url));

describe("the gallery's page against the real VM", () => {
  const e2e = useE2e();

  it("gives TurboWarp's default frame rate wherever it says how many frames or messages a second", async () => {
    const vm = await e2e.openVm();
    const framerate = await vm.defaultFramerate();
    const stated = [...readFileSync(GALLERY_PAGE, 'utf8').matchAll(/\b(\d+) (?:frames|messages) (?:a|per) second/g)].map((match) => Number(match[1]));
    expect(stated.length, 'the page says how many messages a second the message hat handles').toBeGreaterThan(0);
    expect(stated).toEqual(stated.map(() => framerate));
  });
});
