import { createHash } from 'node:crypto';
import JSZip from 'jszip';

/**
 * The demo project, written out as Scratch 3 project JSON and zipped into an .sb3 in code,
 * so there is no opaque binary in the repository. One sprite runs:
 *
 *   when green flag clicked          when message received
 *   connect to (echo server)         say (received message data)
 *   send message [DEMO_MESSAGE]
 *                                    when connection errors
 *                                    say [ERROR_TEXT]
 *
 * `echo server` is a stage variable: the demo page sets it to `ws://<its own host>/echo`
 * before the green flag, so the project reaches this server on whatever host and port the
 * page was opened from.
 */

export const DEMO_MESSAGE = 'Hello from the scratch-websocket demo!';
export const ECHO_VARIABLE = 'echo server';
export const DEMO_ERROR_TEXT = 'Could not reach the echo server.';

const EXTENSION_ID = 'gsaWebsocket';

interface Asset {
  md5ext: string;
  assetId: string;
  content: string;
}

/** An sb3 needs at least one costume per target; a sprite needs one for its speech bubble. */
function svgAsset(svg: string): Asset {
  const assetId = createHash('md5').update(svg).digest('hex');
  return { assetId, md5ext: `${assetId}.svg`, content: svg };
}

const BACKDROP = svgAsset(
  '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">' +
    '<rect width="480" height="360" fill="#eef3ff"/></svg>',
);

const SPRITE = svgAsset(
  '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">' +
    '<rect x="4" y="4" width="88" height="88" rx="20" fill="#307eff" stroke="#2c5eb0" stroke-width="6"/>' +
    '<circle cx="34" cy="40" r="8" fill="#fff"/><circle cx="62" cy="40" r="8" fill="#fff"/>' +
    '<path d="M30 64 Q48 78 66 64" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round"/></svg>',
);

function costume(asset: Asset, name: string, centreX: number, centreY: number) {
  return {
    name,
    assetId: asset.assetId,
    md5ext: asset.md5ext,
    dataFormat: 'svg',
    rotationCenterX: centreX,
    rotationCenterY: centreY,
  };
}

/** A text input in the compressed sb3 form: `[1, [10, text]]` is a text field shadow. */
const TEXT = 10;
const VARIABLE = 12;
const INPUT_SAME_BLOCK_SHADOW = 1;
const INPUT_DIFF_BLOCK_SHADOW = 3;

function block(opcode: string, fields: { next?: string; parent?: string; inputs?: object; x?: number; y?: number }) {
  const topLevel = fields.parent === undefined;
  return {
    opcode,
    next: fields.next ?? null,
    parent: fields.parent ?? null,
    inputs: fields.inputs ?? {},
    fields: {},
    shadow: false,
    topLevel,
    ...(topLevel ? { x: fields.x ?? 0, y: fields.y ?? 0 } : {}),
  };
}

export function demoProjectJson(defaultEchoUrl: string): object {
  const echoVariableId = 'echoServerVariable';
  return {
    targets: [
      {
        isStage: true,
        name: 'Stage',
        variables: { [echoVariableId]: [ECHO_VARIABLE, defaultEchoUrl] },
        lists: {},
        broadcasts: {},
        blocks: {},
        comments: {},
        currentCostume: 0,
        costumes: [costume(BACKDROP, 'backdrop', 240, 180)],
        sounds: [],
        volume: 100,
        layerOrder: 0,
        tempo: 60,
        videoTransparency: 50,
        videoState: 'on',
        textToSpeechLanguage: null,
      },
      {
        isStage: false,
        name: 'Echo bot',
        variables: {},
        lists: {},
        broadcasts: {},
        blocks: {
          flag: block('event_whenflagclicked', { next: 'connect', x: 40, y: 40 }),
          connect: block(`${EXTENSION_ID}_newInstance`, {
            parent: 'flag',
            next: 'send',
            inputs: { URL: [INPUT_DIFF_BLOCK_SHADOW, [VARIABLE, ECHO_VARIABLE, echoVariableId], [TEXT, defaultEchoUrl]] },
          }),
          send: block(`${EXTENSION_ID}_sendMessage`, {
            parent: 'connect',
            inputs: { PAYLOAD: [INPUT_SAME_BLOCK_SHADOW, [TEXT, DEMO_MESSAGE]] },
          }),
          received: block(`${EXTENSION_ID}_onMessage`, { next: 'say', x: 40, y: 240 }),
          say: block('looks_say', {
            parent: 'received',
            inputs: { MESSAGE: [INPUT_DIFF_BLOCK_SHADOW, 'data', [TEXT, 'Hello!']] },
          }),
          data: block(`${EXTENSION_ID}_messageData`, { parent: 'say' }),
          errored: block(`${EXTENSION_ID}_onError`, { next: 'sayError', x: 40, y: 400 }),
          sayError: block('looks_say', {
            parent: 'errored',
            inputs: { MESSAGE: [INPUT_SAME_BLOCK_SHADOW, [TEXT, DEMO_ERROR_TEXT]] },
          }),
        },
        comments: {},
        currentCostume: 0,
        costumes: [costume(SPRITE, 'echo bot', 48, 48)],
        sounds: [],
        volume: 100,
        layerOrder: 1,
        visible: true,
        x: -60,
        y: -40,
        size: 150,
        direction: 90,
        draggable: false,
        rotationStyle: 'all around',
      },
    ],
    monitors: [],
    extensions: [EXTENSION_ID],
    meta: { semver: '3.0.0', vm: '0.2.0', agent: 'scratch-websocket playground' },
  };
}

/** The project as an .sb3 (a zip of project.json and its costumes). */
export async function buildDemoSb3(defaultEchoUrl: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('project.json', JSON.stringify(demoProjectJson(defaultEchoUrl)));
  for (const asset of [BACKDROP, SPRITE]) zip.file(asset.md5ext, asset.content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
