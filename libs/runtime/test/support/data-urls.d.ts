/**
 * jsdom's `data-urls` (the WHATWG fetch "data: URL processor", checked against the web platform
 * tests), used only as a reference in tests. It ships no types; this is the part we call.
 */
declare module 'data-urls' {
  interface DataUrl {
    mimeType: { toString(): string; essence: string };
    body: Uint8Array;
  }
  function parseDataURL(input: string): DataUrl | null;
  export = parseDataURL;
}
