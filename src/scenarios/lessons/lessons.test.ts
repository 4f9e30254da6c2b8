import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { play } from '../check.ts';
import { getScenario } from '../index.ts';
import { createSimulation, skipReason } from '../lib/engineSupport.ts';
import type { ScenarioSim } from '../types.ts';
import { lessons, reached, unmet, type RowLike } from './index.ts';

const keysOf = (lessonId: string, step: (typeof lessons)[number]['steps'][number]) => {
  const base = `lesson.${lessonId}.${step.id}`;
  return [
    `${base}.text`,
    `${base}.question`,
    `${base}.why`,
    `${base}.check`,
    ...Array.from({ length: step.choices }, (_, i) => `${base}.choice.${i}`),
    ...(step.action ? [`${base}.action`] : []),
  ];
};

describe('lesson data', () => {
  it('follows the article: six lessons, in order', () => {
    expect(lessons.map((l) => l.id)).toEqual([
      'pod',
      'pause',
      'containers',
      'images',
      'restart',
      'controllers',
    ]);
  });

  it('has every text in English and Chinese, and a valid answer for every question', () => {
    const enK = en as Record<string, string>;
    const zhK = zhCN as Record<string, string>;
    for (const lesson of lessons) {
      for (const key of [`lesson.${lesson.id}.title`, `lesson.${lesson.id}.summary`]) {
        expect(enK[key], key).toBeTruthy();
        expect(zhK[key], key).toBeTruthy();
      }
      const ids = lesson.steps.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const step of lesson.steps) {
        expect(step.answer).toBeGreaterThanOrEqual(0);
        expect(step.answer).toBeLessThan(step.choices);
        for (const key of keysOf(lesson.id, step)) {
          expect(enK[key], key).toBeTruthy();
          expect(zhK[key], key).toBeTruthy();
        }
        if (step.action?.kind === 'variant')
          expect(getScenario(step.action.scenario)).toBeDefined();
      }
    }
  });
});

const pod = (over: Partial<Pod['status']>, deleted = false, name = 'p'): Pod => ({
  metadata: { name, ...(deleted ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
  status: { phase: 'Running', ...over },
});

describe('lesson checks', () => {
  const running = pod({
    containerStatuses: [
      {
        name: 'web',
        image: 'nginx',
        imageID: '',
        ready: true,
        restartCount: 2,
        state: { running: { startedAt: 'x' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error' } },
      },
    ],
  });

  it('holds when every field holds, and names what is missing otherwise', () => {
    expect(
      unmet({ phase: 'Running', container: 'web', running: true, restartsAtLeast: 2 }, [running]),
    ).toEqual([]);
    expect(unmet({ container: 'web', exitCode: 1 }, [running])).toEqual([]);
    expect(unmet({ phase: 'Failed' }, [running])).toEqual(['phase Running ≠ Failed']);
    expect(unmet({ container: 'web', restartsAtMost: 1 }, [running])).toEqual(['restarts 2 > 1']);
    expect(unmet({ container: 'db' }, [running])).toEqual(['no status for db']);
    expect(
      unmet({ container: 'web', waitingReasonIn: ['CrashLoopBackOff'] }, [running]),
    ).toHaveLength(1);
  });

  it('counts pods for controllers, deleted ones apart', () => {
    const pods = [pod({}, true, 'a'), pod({}, false, 'b'), pod({}, false, 'c')];
    expect(reached([{ runningPodsAtLeast: 2, podsAtLeast: 3 }], pods)).toBe(true);
    expect(reached([{ runningPodsAtLeast: 3 }], pods)).toBe(false);
    expect(reached([{ podDeleted: true }], pods)).toBe(true);
    expect(reached([{ pod: 'b', podDeleted: true }], pods)).toBe(false);
    expect(reached([{ phase: 'Running' }], [])).toBe(false);
  });

  it('reads the STATUS column from the kubectl rows', () => {
    const pods = [pod({}, false, 'a')];
    expect(
      reached([{ statusIn: ['CrashLoopBackOff'] }], pods, [
        { name: 'a', status: 'CrashLoopBackOff' },
      ]),
    ).toBe(true);
    expect(unmet({ statusIn: ['Init:Error'] }, pods, [{ name: 'a', status: 'Running' }])).toEqual([
      'STATUS Running ∉ Init:Error',
    ]);
    expect(reached([{ statusIn: ['Running'] }], pods)).toBe(false);
  });
});

/** `kubectl get pods` rows, from the engine's printer. */
const rows = (sim: ScenarioSim) => (sim as ScenarioSim & { printRows(): RowLike[] }).printRows();

describe('every lesson step reaches its check in the engine', () => {
  for (const lesson of lessons) {
    for (const step of lesson.steps) {
      const scenario = getScenario(step.scenario)!;
      const target =
        step.action?.kind === 'variant' ? getScenario(step.action.scenario)! : scenario;
      const reason = skipReason([...target.requires, ...(step.requires ?? [])]);
      const name = `${lesson.id}/${step.id} (${step.scenario})`;
      if (reason) {
        it.skip(`${name} — skipped: ${reason}`, () => {});
        continue;
      }
      it(name, () => {
        const run = target.run;
        const sim = createSimulation({ manifest: run.manifest, seed: run.seed });
        const scripted = step.scripted ? run.actions : [];
        if (step.action?.kind === 'dispatch') {
          play(sim, scripted, step.actAtMs ?? 0);
          if (step.actionWhen) expect(unmet(step.actionWhen, sim.pods(), rows(sim))).toEqual([]);
          for (const a of step.action.actions) sim.dispatch(a);
        }
        play(sim, step.action?.kind === 'dispatch' ? [] : scripted, step.reachedByMs);
        expect(step.check.flatMap((c) => unmet(c, sim.pods(), rows(sim)))).toEqual([]);
      });
    }
  }
});
