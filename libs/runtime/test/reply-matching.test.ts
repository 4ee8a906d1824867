import { describe, expect, it } from 'vitest';
import { replyKey, requestKey } from '../src/reply-matching.js';

describe('requestKey (CONTRACT.md, Replies)', () => {
  it.each([
    ['{"jsonrpc":"2.0","method":"sum","id":4}', 'id', 9, '{"jsonrpc":"2.0","method":"sum","id":4}', '4'],
    ['{"id":"a-1"}', 'id', 9, '{"id":"a-1"}', '"a-1"'],
    ['{"method":"sum","params":[1,2]}', 'id', 7, '{"id":7,"method":"sum","params":[1,2]}', '7'],
    ['  { }', 'id', 3, '  {"id":3 }', '3'],
    ['{"method":"x"}', 'ref', 1, '{"ref":1,"method":"x"}', '1'],
    ['{"id":1.0}', 'id', 1, '{"id":1.0}', '1'],
  ])('%s with field %s (next %d) sends %s, whose reply repeats %s', (payload, field, next, sent, key) => {
    expect(requestKey(payload, field, next)).toEqual({ ok: true, payload: sent, key });
  });

  it.each([['hello'], ['[1,2]'], ['{"id":null}'], ['{"id":true}'], ['{"id":{"a":1}}'], ['{broken'], ['']])('%s cannot be matched by a field', (payload) => {
    expect(requestKey(payload, 'id', 1)).toEqual({ ok: false });
  });
});

describe('replyKey', () => {
  it.each([
    ['{"jsonrpc":"2.0","result":3,"id":4}', 'id', '4'],
    ['{"id":4.0,"result":3}', 'id', '4'],
    ['{"id":"4"}', 'id', '"4"'],
    ['{"method":"tick"}', 'id', null],
    ['{"id":null,"error":{}}', 'id', null],
    ['not json', 'id', null],
    ['[{"id":1}]', 'id', null],
  ])('%s read by %s is %s', (message, field, key) => {
    expect(replyKey(message, field)).toBe(key);
  });

  it('tells a number from a string with the same digits (JSON-RPC 2.0 §5: same value and type)', () => {
    expect(replyKey('{"id":"1"}', 'id')).not.toBe(replyKey('{"id":1}', 'id'));
  });
});
