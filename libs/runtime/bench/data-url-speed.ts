import { BINARY_DATA_URL_PREFIX, bytesToDataUrl, portableBase64 } from '../src/index.js';
import { median, time, type Row } from './bench-kit.js';

/**
 * bytes → data: URL vs Buffer's native base64, at a few message sizes: the encoder the
 * runtime picks on this platform (the target), and the plain JavaScript fallback that
 * browsers without `Uint8Array.prototype.toBase64` use (reported).
 */
export function dataUrlSpeed(): Row[] {
  return [100, 1024, 16 * 1024, 256 * 1024].flatMap((size) => {
    const bytes = new Uint8Array(size).map((_, i) => (i * 7919) & 255);
    const iterations = Math.max(200, Math.floor(20_000_000 / size));
    const ours: number[] = [];
    const portable: number[] = [];
    const buffer: number[] = [];
    for (let round = 0; round < 9; round += 1) {
      ours.push(time(() => { for (let i = 0; i < iterations; i += 1) bytesToDataUrl(bytes); }));
      portable.push(time(() => { for (let i = 0; i < iterations; i += 1) BINARY_DATA_URL_PREFIX + portableBase64(bytes); }));
      buffer.push(time(() => { for (let i = 0; i < iterations; i += 1) Buffer.from(bytes).toString('base64'); }));
    }
    const mbps = (ms: number) => ((size * iterations) / 1e6 / (ms / 1000)).toFixed(0);
    const row = (name: string, times: number[], target: boolean): Row => {
      const ratio = median(buffer) / median(times);
      return {
        figure: `${name}, ${size.toLocaleString('en')} B, vs Buffer base64`,
        value: `${ratio.toFixed(2)}× (${mbps(median(times))} vs ${mbps(median(buffer))} MB/s)`,
        target: target ? '≥ 0.5×' : 'report',
        met: target ? ratio >= 0.5 : null,
      };
    };
    return [row('bytes → data: URL', ours, true), row('  portable fallback', portable, false)];
  });
}
