import { WebSocket } from 'ws';
import { WebSocketRuntime, type HatOpcodes, type WebSocketConstructorLike } from '../../src/index.js';
import { MemoryHost, type MemoryThread, type TestTarget } from './memory-host.js';

export const HATS: HatOpcodes = {
  open: 'test_onOpen',
  message: 'test_onMessage',
  error: 'test_onError',
  close: 'test_onClose',
};

export function makeRuntime(host = new MemoryHost()) {
  const runtime = new WebSocketRuntime<TestTarget, MemoryThread>({
    WebSocket: WebSocket as unknown as WebSocketConstructorLike,
    host,
    hats: HATS,
  });
  return { runtime, host };
}
