import { block, type BlockNode, type InputValue } from './blocks';

/**
 * Our blocks as a saved project refers to them: `gsaWebsocket_<opcode>`, inputs by
 * argument name (libs/runtime/CONTRACT.md, Identity). Named by opcode so a scenario reads
 * like the contract's table.
 */
export const EXTENSION_ID = 'gsaWebsocket';

const ws = (opcode: string, inputs?: Record<string, InputValue>): BlockNode =>
  block(`${EXTENSION_ID}_${opcode}`, inputs ? { inputs } : {});

export const websocket = {
  newInstance: (URL: InputValue) => ws('newInstance', { URL }),
  onOpen: () => ws('onOpen'),
  isConnected: () => ws('isConnected'),
  onMessage: () => ws('onMessage'),
  messageData: () => ws('messageData'),
  sendMessage: (PAYLOAD: InputValue) => ws('sendMessage', { PAYLOAD }),
  onError: () => ws('onError'),
  hasErrored: () => ws('hasErrored'),
  onClose: () => ws('onClose'),
  isClosed: () => ws('isClosed'),
  closeCode: () => ws('closeCode'),
  closeMessage: () => ws('closeMessage'),
  closeWithoutReason: () => ws('closeWithoutReason'),
  closeWithCode: (CODE: InputValue) => ws('closeWithCode', { CODE }),
  closeWithReason: (REASON: InputValue, CODE: InputValue) => ws('closeWithReason', { REASON, CODE }),
};
