/** Lesson progress, kept in this browser: the ids of the steps completed, per lesson. */
export type Progress = Record<string, string[]>;

const KEY = 'podscope:lessons:progress';

export function loadProgress(): Progress {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: Progress = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    }
    return out;
  } catch {
    return {};
  }
}

export function saveProgress(p: Progress): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(p));
  } catch {
    // Private mode or a full quota: progress lives for this visit only.
  }
}

export function withStepDone(p: Progress, lesson: string, step: string): Progress {
  const done = p[lesson] ?? [];
  return done.includes(step) ? p : { ...p, [lesson]: [...done, step] };
}
