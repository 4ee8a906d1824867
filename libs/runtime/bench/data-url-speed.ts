import { BINARY_DATA_URL_PREFIX, bytesToDataUrl, portableBase64, textOfDataUrl } from '../src/index.js';
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

/**
 * Reading a data: URL whose media type is 1 Mi of `é` (2 MiB of UTF-8, percent-encoded as the
 * URL parser does) vs the engine's own percent-encoding of the same text (`encodeURIComponent`):
 * the same work, so a small ratio (issue 20, R4: it was built one character at a time, 1.3–4 s).
 */
export function longMediaTypeSpeed(): Row {
  const url = `data:${'é'.repeat(2 ** 20)},x`;
  const parse: number[] = [];
  const encode: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    parse.push(time(() => textOfDataUrl(url)));
    encode.push(time(() => encodeURIComponent(url)));
  }
  const ratio = median(parse.map((ms, i) => ms / encode[i]!));
  return {
    figure: 'text of data URL, 1 Mi × é media type, vs encodeURIComponent of it',
    value: `${ratio.toFixed(1)}× (${median(parse).toFixed(0)} vs ${median(encode).toFixed(0)} ms)`,
    target: '≤ 10×',
    met: ratio <= 10,
  };
}
