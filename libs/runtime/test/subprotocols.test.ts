import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSubprotocols } from '../src/index.js';
import { PROPERTY_RUNS } from './support/property.js';

const TCHARS = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const token = fc.string({ unit: fc.constantFrom(...TCHARS), minLength: 1, maxLength: 12 });

describe('parseSubprotocols', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['chat', ['chat']],
    ['chat, superchat', ['chat', 'superchat']],
    [' chat ,\tsuperchat\n', ['chat', 'superchat']],
    ['v10.stomp,v11.stomp,v12.stomp', ['v10.stomp', 'v11.stomp', 'v12.stomp']],
    ['chat,', ['chat']],
    [',chat,,superchat, ,', ['chat', 'superchat']],
    ['Chat, chat', ['Chat', 'chat']], // names are case-sensitive, so these differ
    ["!#$%&'*+-.^_`|~", ["!#$%&'*+-.^_`|~"]],
  ])('reads %j as %j', (list, protocols) => {
    expect(parseSubprotocols(list)).toEqual({ ok: true, protocols });
  });

  it.each([
    ['chat room', '"chat room" is not a valid protocol name'],
    ['chat, super chat', '"super chat" is not a valid protocol name'],
    ['a;b', '"a;b" is not a valid protocol name'],
    ['"chat"', '"\\"chat\\"" is not a valid protocol name'],
    ['a/b', '"a/b" is not a valid protocol name'],
    ['(x)', '"(x)" is not a valid protocol name'],
    ['chät', '"chät" is not a valid protocol name'],
    ['chat\u00a0', '"chat\u00a0" is not a valid protocol name'],
    ['chat\u0000', '"chat\\u0000" is not a valid protocol name'],
    ['chat, chat', '"chat" is listed twice'],
    ['a, b, a', '"a" is listed twice'],
    [`${'x'.repeat(41)} y`, `"${'x'.repeat(40)}"… is not a valid protocol name`],
  ])('refuses %j: %s', (list, detail) => {
    expect(parseSubprotocols(list)).toEqual({ ok: false, reason: 'invalid protocols', detail });
  });

  it.each([[undefined], [null], [42], [['chat']]])('refuses %j, which is not text, without throwing', (value) => {
    expect(parseSubprotocols(value)).toEqual({
      ok: false,
      reason: 'invalid protocols',
      detail: 'the protocol list is not text',
    });
  });

  it('reads back any list of distinct tokens, however it is spaced', () => {
    const spacing = fc.constantFrom(',', ', ', ' , ', ',\t', ',,');
    fc.assert(
      fc.property(fc.uniqueArray(token, { maxLength: 10 }), spacing, (protocols, separator) => {
        expect(parseSubprotocols(protocols.join(separator))).toEqual({ ok: true, protocols });
      }),
      PROPERTY_RUNS,
    );
  });

  it('refuses any list in which a name appears twice', () => {
    fc.assert(
      fc.property(fc.uniqueArray(token, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (protocols, from, to) => {
        const twice = protocols[from % protocols.length]!;
        const list = [...protocols];
        list.splice(to % (list.length + 1), 0, twice);
        expect(parseSubprotocols(list.join(','))).toEqual({
          ok: false,
          reason: 'invalid protocols',
          detail: `${JSON.stringify(twice)} is listed twice`,
        });
      }),
      PROPERTY_RUNS,
    );
  });

  it('refuses any name holding a character that is not a token character', () => {
    const bad = fc.constantFrom(...'()<>@;:\\"/[]?={}', ' x', '\u007f', 'é', '😀');
    fc.assert(
      fc.property(token, bad, token, (before, character, after) => {
        const name = `${before}${character}${after}`;
        const result = parseSubprotocols(`ok, ${name}`);
        expect(result.ok).toBe(false);
      }),
      PROPERTY_RUNS,
    );
  });
});
