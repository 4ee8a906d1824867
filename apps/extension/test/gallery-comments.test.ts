import { describe, expect, it } from 'vitest';
import { galleryComment, galleryComments } from '../gallery-comments';

describe("comments as the gallery's copy has them", () => {
  it.each([
    ['a citation in a sentence', '/** Closed with its hat (CONTRACT.md, Closing). */', '/** Closed with its hat. */'],
    ['a citation of one of our files', '// The limit (`MAX_CONNECTIONS_PER_TARGET`, sprite.ts) applies.', '// The limit applies.'],
    ['a citation that starts a doc line', '/**\n * Opens it, or says it is invalid\n * (CONTRACT.md, Connections): ws as given.\n */', '/**\n * Opens it, or says it is invalid: ws as given.\n */'],
    ['a section named first', '/** CONTRACT.md, Sending: kept until open. */', '/** Kept until open. */'],
    ['a TypeScript reference', '/// <reference types="@turbowarp/types-tw/types/scratch-vm-extension" />', ''],
    ['a comment that names none of our files', '// RFC 6455 §7.4.1 (the close codes).', '// RFC 6455 §7.4.1 (the close codes).'],
  ])('%s', (_name, comment, expected) => {
    expect(galleryComment(comment)).toBe(expected);
  });

  it('rewrites comments only, never strings or regular expressions, and reports what it cannot fix', () => {
    const code = [
      'const a = "(CONTRACT.md, Closing)"; // kept (CONTRACT.md, Closing)',
      'const b = /\\/\\* (CONTRACT.md) \\*\\//;',
      '/** See the README.md for the rest. */',
    ].join('\n');
    const { code: rewritten, left } = galleryComments(code, 'x.js');
    expect(rewritten.split('\n')).toEqual(['const a = "(CONTRACT.md, Closing)"; // kept', 'const b = /\\/\\* (CONTRACT.md) \\*\\//;', '/** See the README.md for the rest. */']);
    expect(left).toEqual(['/** See the README.md for the rest. */']);
  });
});
