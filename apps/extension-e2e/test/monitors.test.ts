import { allBlocks, offersMonitor, readSpecModel } from '@scratch-websocket/codegen';
import { describe, expect, it } from 'vitest';
import { whenFlagClicked } from '../src/sb3/core';
import { EXTENSION_ID, websocket } from '../src/sb3/websocket';
import { DEFAULT_WAIT_MS, waitFor } from '../src/wait-for';
import { useE2e } from './fixture';

/** The blocks the spec gives a monitor: reporters and booleans with disableMonitor: false and no input but dropdowns. */
const MONITORED = allBlocks(readSpecModel())
  .filter(offersMonitor)
  .map((block) => block.opcode);

/** CONTRACT.md, Identity: the added blocks that show a connection's status on the stage. */
describe('stage monitors in the TurboWarp VM', () => {
  const e2e = useE2e();

  it('offers a monitor checkbox in the palette exactly where the spec says disableMonitor: false', async () => {
    const vm = await e2e.openVm();
    await vm.loadExtension();
    const info = await vm.extensionInfo(EXTENSION_ID);
    const checkboxes = (info?.blocks ?? []).flatMap(({ info: item, json }) =>
      typeof item !== 'string' && json?.checkboxInFlyout === true ? [String(item.opcode)] : [],
    );
    expect(checkboxes, 'the reporters with disableMonitor: false in specs/websocket.yaml and no input but dropdowns').toEqual(MONITORED);
    expect(checkboxes, "CONTRACT.md, Identity: these show a connection's status on the stage").toEqual(
      expect.arrayContaining(['connectionState', 'errorMessage', 'statistic', 'protocol']),
    );
  });

  it("shows monitors of connection state, error message and a statistic that read the first sprite's unnamed connection", async () => {
    const server = await e2e.wsServer((connection) => {
      connection.socket.send('one');
      connection.socket.send('two');
    });
    const project = e2e.project();
    // The named connection fails at once (not a WebSocket URL); the monitors do not read it.
    project
      .sprite('Cat')
      .script(
        whenFlagClicked(),
        websocket('newInstance', server.url('/monitored')),
        websocket('useConnection', 'other'),
        websocket('newInstance', 'ftp://127.0.0.1/'),
      );
    project.sprite('Dog');
    project.monitor(websocket('connectionState')).monitor(websocket('errorMessage')).monitor(websocket('statistic', 'messages received'));
    const vm = await e2e.load(project, 'monitored');
    // The VM labels an extension's monitor with the block's text as written, [STAT] included.
    const shown = async () =>
      [
        ...(await vm.monitors(`${EXTENSION_ID}_connectionState`)),
        ...(await vm.monitors(`${EXTENSION_ID}_errorMessage`)),
        ...(await vm.monitors(`${EXTENSION_ID}_statistic`)),
      ].map(({ label, value }) => `${label}: ${value}`);
    const showing = (expected: string[], what: string) =>
      waitFor(async () => JSON.stringify(await shown()) === JSON.stringify(expected), what, DEFAULT_WAIT_MS, shown);

    await vm.startFrames();
    await showing(['WebSocket: connection state: none', 'WebSocket: error message: ', 'WebSocket: connection statistic [STAT]: 0'], 'the monitors before connecting');
    await vm.greenFlag();
    await showing(['WebSocket: connection state: open', 'WebSocket: error message: ', 'WebSocket: connection statistic [STAT]: 2'], 'the monitors of the open connection');
    const [connection] = await server.waitForConnections(1);
    connection!.socket.close(1000, 'done');
    await showing(['WebSocket: connection state: closed', 'WebSocket: error message: ', 'WebSocket: connection statistic [STAT]: 2'], 'the monitors once the server closed');
  });
});
