import { describe, expect, it } from 'vitest';
import { contractIdentity } from '../src/index.js';

const TABLE = `# Contract

## Identity

| opcode | shape | text | arguments (type, default) |
|---|---|---|---|
| connect | command | connect to [URL] | URL: string, \`ws://a/\` |
| — separator — | | | |
| onOpen | hat (event) | when connected | |
| close | command | close with [REASON] and [CODE] | REASON: string, \`bye\`; CODE: number, \`1000\` |

## Connections

| not | a | block | table |
`;

describe('contractIdentity', () => {
  it('reads the blocks of the Identity table in order, hats as events, number defaults as numbers', () => {
    expect(contractIdentity(TABLE).blocks).toEqual([
      { opcode: 'connect', shape: 'command', text: 'connect to [URL]', arguments: [{ name: 'URL', type: 'string', default: 'ws://a/' }] },
      { opcode: 'onOpen', shape: 'event', text: 'when connected', arguments: [] },
      {
        opcode: 'close',
        shape: 'command',
        text: 'close with [REASON] and [CODE]',
        arguments: [
          { name: 'REASON', type: 'string', default: 'bye' },
          { name: 'CODE', type: 'number', default: 1000 },
        ],
      },
    ]);
  });

  it('lays out the palette with --- where the table has a separator row', () => {
    expect(contractIdentity(TABLE).palette).toEqual(['connect', '---', 'onOpen', 'close']);
  });

  it('reads the repository contract: fifteen blocks, the first one connect to [URL]', () => {
    const { blocks } = contractIdentity();
    expect(blocks).toHaveLength(15);
    expect(blocks[0]).toEqual({
      opcode: 'newInstance',
      shape: 'command',
      text: 'connect to [URL]',
      arguments: [{ name: 'URL', type: 'string', default: 'wss://echo.websocket.org/' }],
    });
  });

  it.each([
    { what: 'no Identity section', markdown: '# Contract\n\n## Lifetime\n', message: 'no "## Identity" section' },
    { what: 'an empty table', markdown: '## Identity\n\n| a | b | c | d |\n|---|---|---|---|\n', message: 'has no blocks' },
    {
      what: 'an argument without a default',
      markdown: '## Identity\n\n| a | b | c | d |\n|---|---|---|---|\n| x | command | x [A] | A: string |\n',
      message: 'cannot read the argument "A: string"',
    },
  ])('throws a message naming the problem for $what', ({ markdown, message }) => {
    expect(() => contractIdentity(markdown)).toThrow(message);
  });
});
