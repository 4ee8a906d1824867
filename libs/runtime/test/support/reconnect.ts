import { afterEach, beforeEach } from 'vitest';
import { MemoryHost, target, TestServer, type TestTarget, within } from '@scratch-websocket/test-support';
import { makeRuntime, type RuntimeFixture } from './runtime.js';

export interface ReconnectFixture extends RuntimeFixture {
  /** The `attempt` of every reconnect wait the runtime asked for, in order. */
  waits: number[];
  /** The wait in ms the runtime gets for each try: short, so no test waits the real 1–30 s. */
  waitMs: number;
}

/**
 * Before each test: a real `ws` server and a runtime whose reconnect waits are recorded in `waits`
 * and last `waitMs`, handed to `use` (test files keep them in their own variables), and again
 * whenever a killed server comes back; after each test, the runtime is disposed and the server
 * closed. Returns the helpers of the reconnect tests, which act on the current fixture.
 */
export function useReconnectRuntime(use: (fixture: ReconnectFixture) => void) {
  let fixture: ReconnectFixture;

  beforeEach(async () => {
    const server = await TestServer.start();
    const waits: number[] = [];
    const { runtime, host } = makeRuntime(new MemoryHost(), (attempt) => {
      waits.push(attempt);
      return fixture.waitMs;
    });
    fixture = { server, host, runtime, waits, waitMs: 2 };
    use(fixture);
  });

  afterEach(async () => {
    fixture.runtime.dispose();
    await fixture.server.close();
  });

  return {
    /** Makes each later reconnect wait last `ms`. */
    setWaitMs(ms: number): void {
      fixture.waitMs = ms;
    },

    /**
     * The server goes away (every connection cut without a close frame: the client reads a close
     * 1006, as a browser does), then comes back on the same port.
     */
    async killServer(): Promise<() => Promise<void>> {
      const port = fixture.server.port;
      await fixture.server.close();
      return async () => {
        fixture.server = await TestServer.start({ port });
        use(fixture);
      };
    },

    async connectedWithReconnect(who: TestTarget = target('sprite')) {
      fixture.runtime.setAutoReconnect(who, 'on');
      await fixture.runtime.connect(who, fixture.server.url);
      const atServer = await fixture.server.nextConnection();
      return { sprite: who, atServer };
    },

    state: (who: TestTarget) => fixture.runtime.connectionState(who),

    /** The next start of `opcode` for `who`, bounded. */
    nextHat: (opcode: string, who: TestTarget) => within(fixture.host.nextHat(opcode, who), `${opcode} for ${who.name}`),
  };
}
