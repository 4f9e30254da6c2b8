import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { play } from './check.ts';
import { comparisons, getScenario, scenarios } from './index.ts';
import { lessons } from './lessons/index.ts';
import { createSimulation, runAll, skipReason } from './lib/engineSupport.ts';

/** The scenario files beside this test (helpers excluded). */
const files = Object.keys(import.meta.glob('./*.ts'))
  .map((f) => f.replace(/^\.\//, '').replace(/\.ts$/, ''))
  .filter((f) => !f.endsWith('.test') && !['index', 'types', 'check'].includes(f));

describe('the scenario registry', () => {
  it('has one file per scenario, named by its kebab-case id, each id once', () => {
    const ids = scenarios.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...files].sort());
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(getScenario(id)?.id).toBe(id);
    }
    expect(getScenario('no-such-scenario')).toBeUndefined();
  });

  it('has an English and a Chinese title and point for every scenario', () => {
    const enKeys = en as Record<string, string>;
    const zhKeys = zhCN as Record<string, string>;
    for (const s of scenarios) {
      for (const key of [s.titleKey, s.pointKey]) {
        expect(enKeys[key], key).toBeTruthy();
        expect(zhKeys[key], key).toBeTruthy();
      }
    }
  });

  it('has parseable manifests whose actions name containers that exist', () => {
    for (const s of scenarios) {
      const docs = parseAllDocuments(s.run.manifest);
      for (const d of docs) expect(d.errors, s.id).toEqual([]);
      const text = s.run.manifest;
      for (const { action, atMs } of s.run.actions) {
        expect(atMs).toBeGreaterThanOrEqual(0);
        if ('container' in action) expect(text, s.id).toContain(`name: ${action.container}`);
      }
      const times = s.run.actions.map((a) => a.atMs);
      expect(times, s.id).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('covers every topic of the article', () => {
    const tags = new Set(scenarios.flatMap((s) => s.tags));
    for (const t of [
      'pod',
      'pause',
      'namespaces',
      'volumes',
      'init',
      'sidecar',
      'restart-policy',
      'image-pull',
      'probes',
      'termination',
      'controllers',
    ]) {
      expect(tags.has(t as never), t).toBe(true);
    }
  });

  it('compares only scenarios that exist, and lessons use only scenarios that exist', () => {
    for (const [a, b] of comparisons) {
      expect(getScenario(a), a).toBeDefined();
      expect(getScenario(b), b).toBeDefined();
    }
    for (const lesson of lessons)
      for (const step of lesson.steps)
        expect(getScenario(step.scenario), step.scenario).toBeDefined();
  });
});

describe('every scenario reaches its stated outcome in the engine', () => {
  for (const s of scenarios) {
    const reason = skipReason(s.requires);
    const name = `${s.id}: ${s.outcome}`;
    if (reason) {
      it.skip(`${name} — skipped: ${reason}`, () => {});
      continue;
    }
    it(name, () => {
      const sim = createSimulation({ manifest: s.run.manifest, seed: s.run.seed });
      play(sim, s.run.actions, s.durationMs);
      s.expect(sim);
    });
  }

  it.skipIf(runAll)('is deterministic: the same run gives the same events', () => {
    const s = scenarios.find((x) => x.id === 'crash-loop-backoff')!;
    const once = () => {
      const sim = createSimulation({ manifest: s.run.manifest, seed: s.run.seed });
      play(sim, s.run.actions, s.durationMs);
      return JSON.stringify([sim.events(), sim.pod()]);
    };
    expect(once()).toBe(once());
  });
});
