import { describe, expect, it } from 'vitest';
import { parseText, placeholders } from '../src/placeholders.js';

describe('parseText', () => {
  it.each([
    { text: 'connect to [URL]', parts: [{ kind: 'text', text: 'connect to ' }, { kind: 'placeholder', name: 'URL' }] },
    { text: '[A][B]', parts: [{ kind: 'placeholder', name: 'A' }, { kind: 'placeholder', name: 'B' }] },
    { text: 'a [ b', parts: [{ kind: 'text', text: 'a [ b' }] },
    { text: 'x [] y', parts: [{ kind: 'text', text: 'x ' }, { kind: 'placeholder', name: '' }, { kind: 'text', text: ' y' }] },
    { text: '', parts: [] },
  ])('splits $text into words and placeholders', ({ text, parts }) => {
    expect(parseText(text)).toEqual(parts);
  });

  it('lists placeholder names in the order they are written', () => {
    expect(placeholders('close with [REASON] and [CODE]')).toEqual(['REASON', 'CODE']);
  });
});
