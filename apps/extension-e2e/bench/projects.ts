import { variable } from '../src/sb3/blocks';
import {
  addToList,
  callProcedure,
  changeVariable,
  join,
  repeat,
  defineProcedure,
  equals,
  forever,
  repeatUntil,
  setVariable,
  whenFlagClicked,
} from '../src/sb3/core';
import { ProjectBuilder } from '../src/sb3/project';
import { EXTENSION_ID, websocket } from '../src/sb3/websocket';
import { START_MESSAGE } from './burst';

/** The sprite and list every bench project stores the messages in. */
export const SPRITE = 'Receiver';
export const LIST = 'received';
/** A stage variable the take-next project keeps at its `dropped messages` figure, to explain a shortfall. */
export const DROPPED_VARIABLE = 'dropped';
/** Blocks the take-next project needs beyond the 15 gallery ones (CONTRACT.md, Receiving). */
export const TAKE_NEXT_BLOCKS = ['takeNextMessage', 'statistic'] as const;

function base(extensionURL: string): ProjectBuilder {
  return new ProjectBuilder({ [EXTENSION_ID]: extensionURL });
}

/**
 * (a) The way projects receive today: `when message received` → `add (received message data)
 * to [received]`. Green flag connects and asks for the burst.
 */
export function messageHatProject(extensionURL: string, serverURL: string): ProjectBuilder {
  const project = base(extensionURL);
  project
    .sprite(SPRITE)
    .list(LIST)
    .script(whenFlagClicked(), websocket('newInstance', serverURL), websocket('sendMessage', START_MESSAGE))
    .script(websocket('onMessage'), addToList(LIST, websocket('messageData')));
  return project;
}

const DRAIN = 'take all queued messages';

/**
 * (b) A sprite with no message hat drains its queue in a custom block run without screen
 * refresh: `repeat until <(connection statistic [queued messages]) = 0>` → `add (take next
 * message) to [received]`, called from a `forever` loop under the green flag.
 * Throws (from `websocket`) when specs/websocket.yaml lacks one of `TAKE_NEXT_BLOCKS`.
 */
export function takeNextProject(extensionURL: string, serverURL: string): ProjectBuilder {
  const project = base(extensionURL);
  project.stage.variable(DROPPED_VARIABLE, 0);
  project
    .sprite(SPRITE)
    .list(LIST)
    .script(
      ...defineProcedure(DRAIN, { warp: true }, [
        repeatUntil(equals(websocket('statistic', 'queued messages'), 0), [addToList(LIST, websocket('takeNextMessage'))]),
      ]),
    )
    .script(
      whenFlagClicked(),
      websocket('newInstance', serverURL),
      websocket('sendMessage', START_MESSAGE),
      forever([callProcedure(DRAIN, { warp: true }), setVariable(DROPPED_VARIABLE, websocket('statistic', 'dropped messages'))]),
    );
  return project;
}

const SEND_ALL = 'send them all';
/** How many messages (d) sends in one loop without screen refresh. */
export const SEND_COUNT = 10_000;

/**
 * (d) Green flag connects, then a custom block run without screen refresh sends
 * `SEND_COUNT` messages (`m1`…) in one loop, as a project that sends a whole level at once.
 */
export function sendLoopProject(extensionURL: string, serverURL: string): ProjectBuilder {
  const project = base(extensionURL);
  project
    .sprite(SPRITE)
    .variable('i', 0)
    .script(
      ...defineProcedure(SEND_ALL, { warp: true }, [
        setVariable('i', 0),
        repeat(SEND_COUNT, [changeVariable('i', 1), websocket('sendMessage', join('m', variable('i')))]),
      ]),
    )
    .script(whenFlagClicked(), websocket('newInstance', serverURL), callProcedure(SEND_ALL, { warp: true }));
  return project;
}
