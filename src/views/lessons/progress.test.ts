import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProgress, saveProgress, withStepDone } from './progress.ts';

describe('lesson progress', () => {
  let store: Map<string, string>;
  beforeEach(() => {
    store = new Map();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('keeps completed steps per lesson, once each', () => {
    let p = withStepDone({}, 'pod', 'one');
    p = withStepDone(p, 'pod', 'one');
    p = withStepDone(p, 'pod', 'volume');
    saveProgress(p);
    expect(loadProgress()).toEqual({ pod: ['one', 'volume'] });
  });

  it('survives garbage and a storage that throws', () => {
    store.set('podscope:lessons:progress', '{"pod": ["one", 3], "x": "no"}');
    expect(loadProgress()).toEqual({ pod: ['one'] });
    store.set('podscope:lessons:progress', 'not json');
    expect(loadProgress()).toEqual({});
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadProgress()).toEqual({});
    expect(() => saveProgress({ pod: ['one'] })).not.toThrow();
  });
});
