import { afterEach, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { within } from '@scratch-websocket/test-support';
import { variable } from '../src/sb3/blocks';
import { equals, ifThen, ifThenElse, join, lessThan, minus, not, or, plus, repeatUntil, setVariable, waitUntil, whenFlagClicked } from '../src/sb3/core';
import type { BlockNode, InputValue } from '../src/sb3/blocks';
import { websocket } from '../src/sb3/websocket';
import { MqttBroker } from '../src/server/mqtt-broker';
import { useE2e } from './fixture';

/**
 * CONTRACT.md, Building and reading binary messages, against a real binary protocol: a
 * project speaks MQTT 3.1.1 over WebSocket to the `aedes` broker using only these blocks,
 * byte by byte as the standard lays packets out (§2 fixed header, §3 packets). The broker
 * splits its packets over several WebSocket messages (§6 allows it), so the project also
 * joins the stream's pieces and reads whole packets from it.
 */

const BE = 'big endian';
const v = variable;
// MQTT 3.1.1 §2.2.1: the packet type in the high 4 bits of the first byte.
const CONNECT = 0x10;
const CONNACK = 0x20;
const PUBLISH = 0x30;
const SUBSCRIBE_FLAGS = 0x82; // §3.8.1: SUBSCRIBE with its reserved flags 0010
const SUBACK = 0x90;

const addNumber = (value: InputValue, type: string) => websocket('addNumber', value, type, BE);
const read = (type: string) => websocket('readNumber', type, BE);

/**
 * §2.2: a packet is its first byte, the remaining length as a varint, then the body. The body
 * is built first (the length must come before it), kept as a data URL, and sent after the head.
 */
function sendPacket(firstByte: number, body: BlockNode[]): BlockNode[] {
  return [
    websocket('startBinaryMessage'),
    ...body,
    setVariable('body', websocket('binaryMessageDataUrl')),
    setVariable('length', websocket('binaryMessageLength')),
    websocket('startBinaryMessage'),
    addNumber(firstByte, 'uint8'),
    websocket('addVarint', v('length')),
    websocket('addDataUrl', v('body')),
    websocket('sendBinaryMessage'),
  ];
}

/**
 * Under `when message received`: joins the new piece to what was kept, then reads every whole
 * packet in it, keeping an unfinished one for the next message.
 */
function readPackets(): BlockNode[] {
  const whole = not(or(equals(v('remaining'), ''), lessThan(websocket('bytesLeft'), v('remaining'))));
  return [
    websocket('startBinaryMessage'),
    websocket('addDataUrl', v('stream')),
    websocket('addDataUrl', websocket('messageData')),
    websocket('readFrom', websocket('binaryMessageDataUrl')),
    websocket('startBinaryMessage'),
    setVariable('more', 'yes'),
    repeatUntil(equals(v('more'), 'no'), [
      setVariable('packet start', websocket('readPosition')),
      setVariable('first byte', read('uint8')),
      setVariable('remaining', websocket('readVarint')),
      ifThenElse(
        whole,
        [
          setVariable('body start', websocket('readPosition')),
          ifThen(equals(v('first byte'), CONNACK), [
            setVariable('session present', read('uint8')),
            setVariable('connack', read('uint8')),
          ]),
          ifThen(equals(v('first byte'), SUBACK), [
            setVariable('suback id', read('uint16')),
            setVariable('granted qos', read('uint8')),
          ]),
          ifThen(equals(v('first byte'), PUBLISH), [
            setVariable('topic', websocket('readTextWithLength', 'uint16 big endian')),
            // §3.3.3: the payload is what the remaining length leaves after the topic.
            setVariable('payload', websocket('readText', minus(v('remaining'), minus(websocket('readPosition'), v('body start'))))),
          ]),
          websocket('setReadPosition', plus(v('body start'), v('remaining'))),
        ],
        [websocket('setReadPosition', v('packet start')), setVariable('more', 'no')],
      ),
    ]),
    setVariable('stream', websocket('readDataUrl', websocket('bytesLeft'))),
  ];
}

describe('MQTT 3.1.1 over WebSocket with the binary blocks', () => {
  const e2e = useE2e();
  let broker: MqttBroker | undefined;
  let node: mqtt.MqttClient | undefined;
  afterEach(async () => {
    await node?.endAsync(true);
    await broker?.close();
  });

  it('connects, subscribes, reads a PUBLISH from a Node client and publishes one it receives, against aedes', async () => {
    broker = await MqttBroker.start();
    node = await within(mqtt.connectAsync(broker.url, { clientId: 'node', reconnectPeriod: 0 }), 'the Node MQTT client to connect');
    await within(node.subscribeAsync('scratch/out'), 'the Node client to subscribe');
    const fromScratch = within(
      new Promise<{ topic: string; payload: string }>((resolve) => node!.once('message', (topic, payload) => resolve({ topic, payload: payload.toString('utf8') }))),
      'the PUBLISH from the project at the Node client',
      20_000,
    );

    const project = e2e.project();
    const sprite = project.sprite('Client');
    for (const name of ['stream', 'body', 'length', 'more', 'packet start', 'first byte', 'remaining', 'body start', 'session present', 'granted qos'])
      sprite.variable(name, '');
    for (const name of ['connack', 'suback id', 'topic', 'payload']) sprite.variable(name, 'none');
    sprite.script(
      whenFlagClicked(),
      websocket('connectWithProtocols', broker.url, 'mqtt'),
      // §3.1: CONNECT, protocol name `MQTT`, level 4, flags: clean session, keep alive 60 s, client id.
      ...sendPacket(CONNECT, [
        websocket('addTextWithLength', 'uint16 big endian', 'MQTT'),
        addNumber(4, 'uint8'),
        addNumber(0x02, 'uint8'),
        addNumber(60, 'uint16'),
        websocket('addTextWithLength', 'uint16 big endian', 'scratch-mqtt'),
      ]),
      waitUntil(equals(v('connack'), 0)),
      // §3.8: SUBSCRIBE, packet id 1, one topic filter at QoS 0.
      ...sendPacket(SUBSCRIBE_FLAGS, [addNumber(1, 'uint16'), websocket('addTextWithLength', 'uint16 big endian', 'scratch/in'), addNumber(0, 'uint8')]),
      waitUntil(not(equals(v('payload'), 'none'))),
      // §3.3: PUBLISH at QoS 0: the topic, then the payload to the end of the packet.
      ...sendPacket(PUBLISH, [websocket('addTextWithLength', 'uint16 big endian', 'scratch/out'), websocket('addText', join('echo: ', v('payload')))]),
    );
    sprite.script(websocket('onMessage'), ...readPackets());

    const vm = await e2e.load(project, 'mqtt');
    await vm.greenFlag();
    await vm.waitForVariable('connack', 0, 'Client');
    await vm.waitForVariable('suback id', 1, 'Client');
    expect(await vm.variable('granted qos', 'Client')).toBe(0);
    expect(broker.clientIds).toEqual(['node', 'scratch-mqtt']);

    // Over 127 bytes of UTF-8, so its remaining length takes a 2-byte varint each way.
    const payload = `héllo Scratch ☁ ${'x'.repeat(130)}`;
    await within(node.publishAsync('scratch/in', payload), 'the Node client to publish');
    await vm.waitForVariable('payload', payload, 'Client');
    expect(await vm.variable('topic', 'Client')).toBe('scratch/in');
    expect(await fromScratch).toEqual({ topic: 'scratch/out', payload: `echo: ${payload}` });
    expect(await vm.variable('stream', 'Client')).toBe('data:application/octet-stream;base64,');
  });
});
