import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problems.js';

export interface LoadedSpec {
  document: Document;
  lineCounter: LineCounter;
  /** YAML syntax errors; when there are any, the document is not validated further. */
  problems: Problem[];
}

/** Parses the spec text, keeping node ranges so every later message can name a line. */
export function loadSpec(text: string, file: string): LoadedSpec {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = document.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { file, line, col, path: '', message: `YAML: ${error.message.split('\n')[0]}` };
  });
  return { document, lineCounter, problems };
}
