/**
 * The projects of the request/reply bench (bench/round-trips.ts, issue 24), on two kinds of
 * stage. A moving one counts its own VM frames with a loop that moves the sprite: a move asks for
 * a redraw, and a frame with a redraw pending steps every script once (TurboWarp's sequencer stops
 * its ticks there), so each loop iteration of any script costs at least one frame, as in any
 * project that shows something moving. A busy one redraws nothing while a loop keeps running, so
 * the sequencer steps scripts again and again for 75% of each frame (as in a project whose
 * `forever` loops only check things); its frames are the harness's stage variable `frame`.
 */
import { variable } from '../src/sb3/blocks';
import { callProcedure, changeVariable, changeXBy, defineProcedure, equals, forever, join, not, repeat, setVariable, timer, waitUntil, whenFlagClicked, whenIReceive } from '../src/sb3/core';
import type { ProjectBuilder, TargetBuilder } from '../src/sb3/project';
import { websocket } from '../src/sb3/websocket';

/** Round trips per run; four scripts share them. */
export const ROUND_TRIPS = 240;
/** The sprite that holds every script and the variables the bench reads. */
export const SPRITE = 'Bench';

/** `{"jsonrpc":"2.0","method":"echo","params":[i]…}` with `id` when given (the hand-made loop matches its own). */
function echoCall(i: ReturnType<typeof variable>, withId: boolean) {
  const head = join('{"jsonrpc":"2.0","method":"echo","params":[', i);
  return withId ? join(join(head, '],"id":'), join(i, '}')) : join(head, ']}');
}

/** The kind of stage a project runs on (see above). */
export type Stage = 'moving' | 'busy';

/** The variable that counts frames on `stage`. */
const framesOn = (stage: Stage) => variable(stage === 'moving' ? 'frames' : 'frame');

/** The stage's loop and the variables every project has: `frames at start`/`at end` and `start`/`end` (timer). */
function benchSprite(project: ProjectBuilder, stage: Stage): TargetBuilder {
  if (stage === 'busy') project.stage.variable('frame', 0);
  const sprite = project
    .sprite(SPRITE)
    .variable('frames', 0)
    .variable('frames at start', 0)
    .variable('frames at end', 0)
    .variable('start', 0)
    .variable('end', 0)
    .variable('i', 0);
  return sprite.script(whenFlagClicked(), forever(stage === 'moving' ? [changeXBy(1), changeVariable('frames', 1)] : [changeVariable('frames', 1)]));
}

/**
 * The baseline, the way a project matches answers without the reply block: `send message`,
 * `when message received` → `set [got]`, `wait until <not <(got) = []>>`. It starts on the
 * green flag, once connected (`connect to` waits for the open).
 */
export function handMade(project: ProjectBuilder, url: string, stage: Stage): void {
  benchSprite(project, stage)
    .variable('got', '')
    .script(
      whenFlagClicked(),
      websocket('newInstance', url),
      setVariable('start', timer()),
      setVariable('frames at start', framesOn(stage)),
      repeat(ROUND_TRIPS, [
        changeVariable('i', 1),
        setVariable('got', ''),
        websocket('sendMessage', echoCall(variable('i'), true)),
        waitUntil(not(equals(variable('got'), ''))),
      ]),
      setVariable('frames at end', framesOn(stage)),
      setVariable('end', timer()),
    )
    .script(websocket('onMessage'), setVariable('got', websocket('messageData')));
}

/** How the reply block's loops run: how many at once, whether inside a custom block run without screen refresh, and on which stage. */
export interface ReplyLoops {
  scripts: number;
  withoutRefresh: boolean;
  stage: Stage;
}

/**
 * Loops of `send [] and wait for reply`, replies matched by `id`, started by the broadcast `go`
 * once connected (the bench waits for `start` to be set to -1). Without screen refresh, a
 * loop does not yield at its end (a non-refresh script yields only to wait, here for its reply).
 */
export function withReplies(project: ProjectBuilder, url: string, loops: ReplyLoops): void {
  const sprite = benchSprite(project, loops.stage).variable('done', 0).variable('r', '');
  sprite.script(whenFlagClicked(), websocket('matchRepliesByField', 'id'), websocket('newInstance', url), setVariable('start', -1), websocket('setReplyTimeout', 10));
  // A fresh block tree for each script: a block belongs to one script.
  const loop = () => repeat(ROUND_TRIPS / loops.scripts, [
      changeVariable('i', 1),
      setVariable('r', websocket('sendAndWaitForReply', echoCall(variable('i'), false))),
      changeVariable('done', 1),
    ]);
  if (loops.withoutRefresh) {
    sprite.script(...defineProcedure('round trips', { warp: true }, [loop()]));
    for (let s = 0; s < loops.scripts; s += 1) sprite.script(whenIReceive('go'), callProcedure('round trips', { warp: true }));
  } else {
    for (let s = 0; s < loops.scripts; s += 1) sprite.script(whenIReceive('go'), loop());
  }
  sprite.script(
    whenIReceive('go'),
    setVariable('start', timer()),
    setVariable('frames at start', framesOn(loops.stage)),
    waitUntil(equals(variable('done'), ROUND_TRIPS)),
    setVariable('frames at end', framesOn(loops.stage)),
    setVariable('end', timer()),
  );
}
