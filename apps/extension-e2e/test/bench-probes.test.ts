import { describe, expect, it } from 'vitest';
import { burstMessages, sendBurstOnStart, START_MESSAGE } from '../bench/burst';
import { LIST, messageHatProject, SPRITE } from '../bench/projects';
import { useE2e } from './fixture';

/** The benchmark's page-side timing (src/page/bench-probes.ts), on small bursts. */
describe('bench probes', () => {
  const e2e = useE2e();

  it('counts a whole burst with a bare WebSocket in the page, first before last, ending on the last message', async () => {
    const messages = burstMessages(50);
    const server = await e2e.wsServer(sendBurstOnStart(messages));
    const vm = await e2e.openVm();
    const count = await vm.countBurst(server.url('/raw'), START_MESSAGE, messages.length, 15_000);
    expect(count).toMatchObject({ count: 50, lastData: 'm50', ended: 'complete' });
    expect(count.lastAt!).toBeGreaterThanOrEqual(count.firstAt!);
  });

  it('ends a count that the server cuts short, with what arrived', async () => {
    const server = await e2e.wsServer((connection) => {
      connection.socket.on('message', () => {
        for (const message of burstMessages(5)) connection.socket.send(message);
        connection.socket.close(1000);
      });
    });
    const vm = await e2e.openVm();
    const count = await vm.countBurst(server.url('/short'), START_MESSAGE, 10, 15_000);
    expect(count).toMatchObject({ count: 5, lastData: 'm5', ended: 'socket closed' });
  });

  it('watches a list until it holds the target, seeing at least one frame per message of a message hat', async () => {
    const server = await e2e.wsServer(sendBurstOnStart(burstMessages(20)));
    const vm = await e2e.load(messageHatProject(e2e.server.extensionURL, server.url('/a')), 'watch-target');
    const watching = vm.watchList({ sprite: SPRITE, list: LIST, targetLength: 20, timeoutMs: 15_000 });
    await vm.greenFlag();
    const watch = await watching;
    expect(watch).toMatchObject({ length: 20, ended: 'target' });
    expect(watch.frames).toBeGreaterThanOrEqual(20);
    expect(watch.longestFrameGapMs).toBeGreaterThan(0);
    expect(watch.longestFrameGapMs).toBeLessThanOrEqual(watch.endAt! - watch.firstAt!);
    expect(watch.endAt!).toBeGreaterThanOrEqual(watch.lastGrowthAt!);
    expect(watch.lastGrowthAt!).toBeGreaterThan(watch.firstAt!);
  });

  it('ends a watch when the list stops growing short of its target', async () => {
    const server = await e2e.wsServer(sendBurstOnStart(burstMessages(5)));
    const vm = await e2e.load(messageHatProject(e2e.server.extensionURL, server.url('/a')), 'watch-stall');
    const watching = vm.watchList({ sprite: SPRITE, list: LIST, targetLength: 10, stallMs: 200, timeoutMs: 15_000 });
    await vm.greenFlag();
    expect(await watching).toMatchObject({ length: 5, ended: 'stalled' });
  });

  it('ends a watch a window after the first item, before a one-per-frame list is full', async () => {
    const server = await e2e.wsServer(sendBurstOnStart(burstMessages(2_000)));
    const vm = await e2e.load(messageHatProject(e2e.server.extensionURL, server.url('/a')), 'watch-window');
    const watching = vm.watchList({ sprite: SPRITE, list: LIST, windowMs: 200, timeoutMs: 15_000 });
    await vm.greenFlag();
    const watch = await watching;
    expect(watch.ended).toBe('window');
    expect(watch.endAt! - watch.firstAt!).toBeGreaterThanOrEqual(200);
    expect(watch.length).toBeGreaterThan(0);
    expect(watch.length).toBeLessThan(2_000);
  });
});
