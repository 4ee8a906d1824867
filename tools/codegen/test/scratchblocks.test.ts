import { describe, expect, it } from 'vitest';
import { scratchblocksCode, type BlockModel } from '../src/index.js';

const location = { line: 1, col: 1, path: '' };
const command = (text: string, args: BlockModel['arguments'] = []): BlockModel => ({
  opcode: 'x',
  blockType: 'command',
  text,
  translatorNote: '',
  gallery: '',
  arguments: args,
  docs: '',
  hideFromPalette: false,
  location,
  handler: 'x',
  usesTarget: true,
  disableMonitor: false,
  handlerLocation: location,
});

describe('scratchblocksCode', () => {
  it.each([
    { block: command('connect to [URL]', [{ name: 'URL', type: 'string', default: 'wss://echo.websocket.org/', field: false }]), code: 'connect to [wss://echo.websocket.org/] :: #307eff' },
    { block: command('close with code [CODE]', [{ name: 'CODE', type: 'number', default: 1000, field: false }]), code: 'close with code (1000) :: #307eff' },
    { block: command('if [OK]', [{ name: 'OK', type: 'boolean', default: false, field: false }]), code: 'if <> :: #307eff' },
    { block: command('say [S]', [{ name: 'S', type: 'string', default: 'a]b\\c', field: false }]), code: 'say [a\\]b\\\\c] :: #307eff' },
    { block: command('odd (text) <here> a::b'), code: 'odd \\(text\\) \\<here\\> a:\\:b :: #307eff' },
    { block: { ...command('is connected?'), blockType: 'boolean' }, code: '<is connected? :: #307eff>' },
    { block: { ...command('received message data'), blockType: 'reporter' }, code: '(received message data :: #307eff)' },
  ] as Array<{ block: BlockModel; code: string }>)('writes $block.text as $code', ({ block, code }) => {
    expect(scratchblocksCode(block, '#307eff')).toBe(code);
  });

  it('writes a hat as a hat', () => {
    const hat: BlockModel = {
      opcode: 'onOpen',
      blockType: 'event',
      text: 'when connected',
      translatorNote: '',
      gallery: '',
      arguments: [],
      docs: '',
      hideFromPalette: false,
      location,
      event: 'open',
      isEdgeActivated: false,
      shouldRestartExistingThreads: true,
      eventLocation: location,
    };
    expect(scratchblocksCode(hat, '#307eff')).toBe('when connected :: hat #307eff');
  });
});
