import { addToList, changeVariable, join } from './sb3/core';
import type { TargetBuilder } from './sb3/project';
import { websocket } from './sb3/websocket';

/**
 * The instrumented sprite most scenarios start from: every hat of ours writes what it saw
 * into lists of the sprite, so a test reads the story of a connection afterwards.
 *
 * - `events`: "open", "error", "close <code> <message>" in the order the hats ran
 * - `messages`: the data of each delivered message
 * - `opens`, `errors`, `closes`: how many times each hat ran
 */
export function recordEvents(sprite: TargetBuilder): TargetBuilder {
  return sprite
    .list('events')
    .list('messages')
    .variable('opens', 0)
    .variable('errors', 0)
    .variable('closes', 0)
    .script(websocket('onOpen'), changeVariable('opens', 1), addToList('events', 'open'))
    .script(websocket('onMessage'), addToList('messages', websocket('messageData')))
    .script(websocket('onError'), changeVariable('errors', 1), addToList('events', 'error'))
    .script(
      websocket('onClose'),
      changeVariable('closes', 1),
      addToList('events', join('close ', join(websocket('closeCode'), join(' ', websocket('closeMessage'))))),
    );
}

/** Declares the stage variable the harness sets to the current frame number. */
export function withFrameCounter(stage: TargetBuilder): TargetBuilder {
  return stage.variable('frame', 0);
}
