/**
 * The project of the "300 clones connect/echo/close" row (issue 22), built twice from one
 * description: once with our blocks, once with the bench's minimal extension
 * (`minimal-extension.js`), so the two differ only in the extension that does the work.
 */
import { block, variable, type BlockNode, type InputValue } from '../src/sb3/blocks';
import {
  addToList, callProcedure, changeVariable, createCloneOf, defineProcedure, deleteAllOfList, deleteThisClone,
  equals, greaterThan, ifThen, itemOfList, minus, or, repeatUntil, setVariable, timer, whenFlagClicked, whenIStartAsAClone,
} from '../src/sb3/core';
import { ProjectBuilder } from '../src/sb3/project';
import { EXTENSION_ID, websocket } from '../src/sb3/websocket';

export const CLONES = 300;
/** Clones connected at once. */
export const AT_ONCE = 8;
export const CLIENT = 'Client';
/** Stage variable: seconds from the green flag's first frame to the last clone's close, by the project's `timer`. */
export const ELAPSED = 'elapsed';
/** Stage list of every echo the clones stored. */
export const ECHOES = 'echoes';
export const MESSAGE = 'hello';
export const MINIMAL_ID = 'minimalws';

/** The five blocks the project needs, from one extension or the other. */
interface Blocks {
  connect(url: InputValue): BlockNode;
  send(message: string): BlockNode;
  whenMessage(): BlockNode;
  message(): BlockNode;
  close(): BlockNode;
}

const ours: Blocks = {
  connect: (url) => websocket('newInstance', url),
  send: (message) => websocket('sendMessage', message),
  whenMessage: () => websocket('onMessage'),
  message: () => websocket('messageData'),
  close: () => websocket('closeWithoutReason'),
};

const minimal: Blocks = {
  connect: (url) => block(`${MINIMAL_ID}_connect`, { inputs: { URL: url } }),
  send: (message) => block(`${MINIMAL_ID}_send`, { inputs: { MESSAGE: message } }),
  whenMessage: () => block(`${MINIMAL_ID}_whenMessage`),
  message: () => block(`${MINIMAL_ID}_message`),
  close: () => block(`${MINIMAL_ID}_close`),
};

const SPAWN = 'start clones up to the limit';

/**
 * Green flag: a custom block without screen refresh starts clones while fewer than `AT_ONCE`
 * are connected (each takes the next of the servers in turn), once a frame, until `CLONES`
 * have closed; then `elapsed` is set. Each clone connects, sends `MESSAGE`, and on the echo
 * stores it, closes and deletes itself.
 */
function clonesProject(extensionURLs: Record<string, string>, blocks: Blocks, servers: string[]): ProjectBuilder {
  const project = new ProjectBuilder(extensionURLs);
  project.stage.variable('active', 0).variable('started', 0).variable('done', 0).variable('t0', 0).variable(ELAPSED, 0).list(ECHOES).list('servers', servers);
  project
    .sprite(CLIENT)
    .variable('slot', 0)
    .script(
      ...defineProcedure(SPAWN, { warp: true }, [
        repeatUntil(or(equals(variable('active'), AT_ONCE), equals(variable('started'), CLONES)), [
          changeVariable('active', 1),
          changeVariable('started', 1),
          changeVariable('slot', 1),
          ifThen(greaterThan(variable('slot'), servers.length), [setVariable('slot', 1)]),
          createCloneOf('_myself_'),
        ]),
      ]),
    )
    .script(
      whenFlagClicked(),
      ...['active', 'started', 'done', 'slot', ELAPSED].map((name) => setVariable(name, 0)),
      deleteAllOfList(ECHOES),
      setVariable('t0', timer()),
      repeatUntil(equals(variable('done'), CLONES), [callProcedure(SPAWN, { warp: true })]),
      setVariable(ELAPSED, minus(timer(), variable('t0'))),
    )
    .script(whenIStartAsAClone(), blocks.connect(itemOfList(variable('slot'), 'servers')), blocks.send(MESSAGE))
    .script(
      blocks.whenMessage(),
      addToList(ECHOES, blocks.message()),
      blocks.close(),
      changeVariable('active', -1),
      changeVariable('done', 1),
      deleteThisClone(),
    );
  return project;
}

/** The project with our blocks. */
export function oursClonesProject(extensionURL: string, servers: string[]): ProjectBuilder {
  return clonesProject({ [EXTENSION_ID]: extensionURL }, ours, servers);
}

/** The identical project with the minimal extension's blocks. */
export function minimalClonesProject(minimalURL: string, servers: string[]): ProjectBuilder {
  return clonesProject({ [MINIMAL_ID]: minimalURL }, minimal, servers);
}
