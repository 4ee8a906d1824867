import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Server as RpcServer } from 'rpc-websockets';
import { describe, expect, it } from 'vitest';
import { within } from '@scratch-websocket/test-support';
import { variable, type InputValue } from '../src/sb3/blocks';
import { addToList, changeVariable, createCloneOf, join, minus, repeat, setVariable, whenFlagClicked, whenIReceive, whenIStartAsAClone } from '../src/sb3/core';
import { websocket } from '../src/sb3/websocket';
import { useE2e } from './fixture';

const CLONES = 4;

/**
 * CONTRACT.md, Replies (Several connections: "A clone has its own"; Endings), in the real VM
 * against rpc-websockets: every clone has its own connection, so the same JSON-RPC id on each
 * (the first request of every connection is id 1) never mixes up their answers, and the stop
 * sign ends the connections whose requests still wait.
 */
describe('requests and replies in clones', () => {
  const e2e = useE2e();

  it('gives each clone its own answer though every clone asks with id 1 and the server answers the last one first; the stop sign ends the connections of requests still waiting', async () => {
    const server = new RpcServer({ host: '127.0.0.1', port: 0 });
    await within(once(server.wss, 'listening'), 'the JSON-RPC server to listen');
    const { port } = server.wss.address() as AddressInfo;
    const waiting: string[] = [];
    // params: [value, delayMs]: answers value after delayMs.
    server.register('later', (params) => {
      const [value, delayMs] = params as [string, number];
      return new Promise((resolve) => setTimeout(() => resolve(value), delayMs));
    });
    // Never answers: a request that is still waiting when the stop sign is pressed.
    server.register('never', (params) => {
      waiting.push(String((params as string[])[0]));
      return new Promise(() => {});
    });
    try {
      const call = (method: string, params: InputValue) => join(join(`{"jsonrpc":"2.0","method":"${method}","params":`, params), '}');
      const project = e2e.project();
      project.stage.list('answers').list('statuses');
      project
        .sprite('Cat')
        .variable('me', 0)
        .variable('never answered', '')
        .script(whenFlagClicked(), repeat(CLONES, [changeVariable('me', 1), createCloneOf('_myself_')]))
        .script(
          whenIStartAsAClone(),
          websocket('matchRepliesByField', 'id'),
          websocket('newInstance', `ws://127.0.0.1:${port}/`),
          // Clone 1 waits longest for its answer, the last clone least.
          addToList(
            'answers',
            join(join(variable('me'), ' '), websocket('sendAndWaitForReply', call('later', join(join('["', variable('me')), join('",', join(minus(CLONES + 1, variable('me')), '00]')))))),
          ),
          addToList('statuses', websocket('replyStatus')),
        )
        .script(whenIReceive('wait'), setVariable('never answered', websocket('sendAndWaitForReply', call('never', join(join('["', variable('me')), '"]')))));
      const vm = await e2e.load(project, 'rpc-clones');
      await vm.greenFlag();

      const answers = await vm.waitForListLength('answers', CLONES, 'Stage');
      // The server answered in reverse order of the delays: the last clone first.
      expect(answers.map((answer) => String(answer).split(' ')[0])).toEqual(['4', '3', '2', '1']);
      for (const answer of answers) {
        const [me, json] = String(answer).split(/ (.*)/s) as [string, string];
        expect(JSON.parse(json)).toEqual({ jsonrpc: '2.0', result: me, id: 1 });
      }
      expect(await vm.list('statuses', 'Stage')).toEqual(Array(CLONES).fill('answered'));
      expect(server.wss.clients.size).toBe(CLONES);

      // Every clone (and the sprite itself, which never connected) asks and is left waiting.
      await vm.broadcast('wait');
      await vm.waitFor(async () => waiting.length === CLONES, `${CLONES} requests waiting at the server`);
      expect([...waiting].sort()).toEqual(['1', '2', '3', '4']);
      await vm.stopAll();
      await vm.waitFor(async () => server.wss.clients.size === 0, 'the stop sign to close every clone connection');
    } finally {
      await server.close();
    }
  });
});
