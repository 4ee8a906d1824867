import { describe, expect, it } from 'vitest';
import type { BlockNode } from '../src/sb3/blocks';
import { setVariable, whenFlagClicked } from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { recordEvents } from '../src/scenario';
import { useE2e } from './fixture';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Sets variables from every state reporter, so a test sees them as the project did. */
function readState(): BlockNode[] {
  return [
    setVariable('connected', websocket('isConnected')),
    setVariable('closed', websocket('isClosed')),
    setVariable('errored', websocket('hasErrored')),
    setVariable('code', websocket('closeCode')),
    setVariable('reason', websocket('closeMessage')),
  ];
}

/** libs/runtime/CONTRACT.md, Closing, in the real VM. */
describe('closing', () => {
  const e2e = useE2e();

  it('runs `when connection closes` with the server\'s code and reason, and the booleans follow', async () => {
    const server = await e2e.wsServer((connection) => {
      connection.socket.on('message', () => connection.socket.close(4001, 'bye ☁ now'));
    });
    const project = e2e.project();
    const cat = recordEvents(project.sprite('Cat'));
    for (const name of ['connected', 'closed', 'errored', 'code', 'reason']) cat.variable(name, 'unset');
    cat
      .variable('codeBefore', 'unset')
      .script(
        whenFlagClicked(),
        setVariable('codeBefore', websocket('closeCode')),
        websocket('newInstance', server.url('/server-closes')),
        websocket('sendMessage', 'close please'),
      )
      .script(websocket('onClose'), ...readState());
    const vm = await e2e.load(project, 'server-close');
    await vm.greenFlag();
    expect(await vm.waitForListLength('events', 2, 'Cat')).toEqual(['open', 'close 4001 bye ☁ now']);
    await vm.waitForVariable('reason', 'bye ☁ now', 'Cat');
    expect(await vm.variable('connected', 'Cat')).toBe(false);
    expect(await vm.variable('closed', 'Cat')).toBe(true);
    expect(await vm.variable('errored', 'Cat')).toBe(false);
    expect(await vm.variable('code', 'Cat')).toBe(4001);
    expect(await vm.variable('codeBefore', 'Cat')).toBe(0);
    expect(await vm.variable('errors', 'Cat')).toBe(0);
  });

  // Each row: the block the project runs, then the code and reason the server must receive.
  const emoji40 = '🎉'.repeat(40); // 160 bytes: 123 would end inside the 31st emoji
  const accents = `a${'é'.repeat(70)}`; // 141 bytes: 'a' + 61 × 'é' is exactly 123
  const ascii = 'x'.repeat(200);
  const cases: Array<[string, BlockNode, number, string]> = [
    ['close connection', websocket('closeWithoutReason'), 1000, ''],
    ['code 1000', websocket('closeWithCode', 1000), 1000, ''],
    ['code "3500" (text)', websocket('closeWithCode', '3500'), 3500, ''],
    ['code 3000', websocket('closeWithCode', 3000), 3000, ''],
    ['code 4999', websocket('closeWithCode', 4999), 4999, ''],
    ['code 2999', websocket('closeWithCode', 2999), 1000, ''],
    ['code 3000.5', websocket('closeWithCode', 3000.5), 1000, ''],
    ['code 5000', websocket('closeWithCode', 5000), 1000, ''],
    ['code 1001', websocket('closeWithCode', 1001), 1000, ''],
    ['code "abc"', websocket('closeWithCode', 'abc'), 1000, ''],
    ['reason and code 4000', websocket('closeWithReason', 'fulfilled', 4000), 4000, 'fulfilled'],
    ['reason with bad code', websocket('closeWithReason', 'why', 12), 1000, 'why'],
    ['200-letter reason', websocket('closeWithReason', ascii, 3001), 3001, ascii.slice(0, 123)],
    ['emoji reason', websocket('closeWithReason', emoji40, 3002), 3002, '🎉'.repeat(30)],
    ['accented reason', websocket('closeWithReason', accents, 3003), 3003, `a${'é'.repeat(61)}`],
  ];

  it('closes from each close block with the code rules and a reason of at most 123 whole-character bytes', async () => {
    const server = await e2e.wsServer(() => {});
    const project = e2e.project();
    cases.forEach(([, closeBlock], index) => {
      recordEvents(project.sprite(`Case${index}`)).script(
        whenFlagClicked(),
        websocket('newInstance', server.url(`/case/${index}`)),
        closeBlock,
      );
    });
    const vm = await e2e.load(project, 'close-blocks');
    await vm.greenFlag();
    const connections = await server.waitForConnections(cases.length);

    for (const [index, [title, , code, reason]] of cases.entries()) {
      const connection = connections.find((candidate) => candidate.path === `/case/${index}`);
      expect(connection, `connection for ${title}`).toBeDefined();
      const close = await connection!.waitForClose();
      expect(close.code, `${title}: code at the server`).toBe(code);
      expect(close.reasonBytes.length, `${title}: reason bytes`).toBeLessThanOrEqual(123);
      expect(strictUtf8.decode(close.reasonBytes), `${title}: reason at the server`).toBe(reason);
      // The close hat ran with what the close frame carried.
      const events = await vm.waitForListLength('events', 2, `Case${index}`);
      expect(events, `${title}: hats`).toEqual(['open', `close ${code} ${reason}`]);
    }
  });

  it('delivers no further message of a connection once the project asked to close it', async () => {
    const server = await e2e.wsServer((connection) => {
      for (let index = 1; index <= 5; index++) connection.socket.send(`m${index}`);
    });
    const project = e2e.project();
    recordEvents(project.sprite('Cat'))
      .script(whenFlagClicked(), websocket('newInstance', server.url('/then-close')))
      .script(websocket('onMessage'), websocket('closeWithReason', 'enough', 4002));
    const vm = await e2e.load(project, 'close-stops-delivery');
    await vm.greenFlag();
    expect(await vm.waitForListLength('events', 2, 'Cat')).toEqual(['open', 'close 4002 enough']);
    await vm.runFrames(10);
    expect(await vm.list('messages', 'Cat')).toEqual(['m1']);
    const [connection] = await server.waitForConnections(1);
    expect((await connection!.waitForClose()).code).toBe(4002);
  });

  it('does nothing when a close block runs with no connection', async () => {
    const project = e2e.project();
    const cat = recordEvents(project.sprite('Cat'));
    for (const name of ['connected', 'closed', 'errored', 'code', 'reason']) cat.variable(name, 'unset');
    cat.script(
      whenFlagClicked(),
      websocket('closeWithoutReason'),
      websocket('closeWithCode', 4000),
      websocket('closeWithReason', 'nothing to close', 4000),
      ...readState(),
    );
    const vm = await e2e.load(project, 'close-without-connection');
    await vm.greenFlag();
    await vm.waitForVariable('reason', '', 'Cat');
    await vm.runFrames(5);
    expect(await vm.list('events', 'Cat')).toEqual([]);
    expect(await vm.variable('closed', 'Cat')).toBe(false);
    expect(await vm.variable('errored', 'Cat')).toBe(false);
    expect(await vm.variable('code', 'Cat')).toBe(0);
  });
});
