import { describe, expect, it } from 'vitest';
import {
  addToList, callProcedure, changeVariable, changeXBy, createCloneOf, defineProcedure, deleteThisClone, equals, join, repeat,
  setVariable, waitUntil, whenFlagClicked, whenIStartAsAClone,
} from '../src/sb3/core';
import { variable } from '../src/sb3/blocks';
import { useE2e } from './fixture';

/** The harness on the VM alone: core blocks only, no extension, so a failure here is ours. */
describe('harness on the TurboWarp VM', () => {
  const e2e = useE2e();

  it('runs a saved project built in code and reads its variables and lists', async () => {
    const project = e2e.project();
    project.stage.variable('count').list('log');
    project.sprite('Cat').variable('mine', 'start').script(
      whenFlagClicked(),
      repeat(3, [changeVariable('count', 1), addToList('log', join('n=', variable('count')))]),
      setVariable('mine', 'done'),
    );
    const vm = await e2e.load(project, 'core-blocks');
    await vm.greenFlag();
    await vm.waitForVariable('mine', 'done', 'Cat');
    expect(await vm.variable('count')).toBe(3);
    expect(await vm.list('log')).toEqual(['n=1', 'n=2', 'n=3']);
  });

  it('runs a custom block without screen refresh within one frame, and the same loop without it over many', async () => {
    const project = e2e.project();
    project.stage.variable('frame');
    for (const warp of [true, false]) {
      const name = warp ? 'Warp' : 'Plain';
      project
        .sprite(name)
        .variable('startFrame')
        .variable('endFrame', -1)
        .script(...defineProcedure('move 20 times', { warp }, [repeat(20, [changeXBy(1)])]))
        .script(
          whenFlagClicked(),
          setVariable('startFrame', variable('frame')),
          callProcedure('move 20 times', { warp }),
          setVariable('endFrame', variable('frame')),
        );
    }
    const vm = await e2e.load(project, 'warp');
    await vm.greenFlag();
    for (const sprite of ['Warp', 'Plain']) {
      await vm.waitFor(async () => (await vm.variable('endFrame', sprite)) !== -1, `${sprite} to finish its loop`);
    }
    const frames = async (sprite: string) =>
      Number(await vm.variable('endFrame', sprite)) - Number(await vm.variable('startFrame', sprite));
    expect(await frames('Warp')).toBe(0);
    // Each visible move asks for a redraw, so without warp every iteration ends a frame.
    expect(await frames('Plain')).toBeGreaterThanOrEqual(19);
  });

  it('creates and deletes clones', async () => {
    const project = e2e.project();
    project.stage.variable('started');
    project.stage.variable('release');
    // The clones wait for the test's word, not for a time, so a slow machine cannot delete
    // some before they are counted.
    project
      .sprite('Cat')
      .script(whenFlagClicked(), repeat(5, [createCloneOf('_myself_')]))
      .script(whenIStartAsAClone(), changeVariable('started', 1), waitUntil(equals(variable('release'), 1)), deleteThisClone());
    const vm = await e2e.load(project, 'clones');
    await vm.greenFlag();
    await vm.waitForVariable('started', 5);
    expect(await vm.cloneCount('Cat')).toBe(5);
    await vm.setVariable('release', 1);
    await vm.waitFor(async () => (await vm.cloneCount('Cat')) === 0, 'all 5 clones to be deleted');
  });
});
