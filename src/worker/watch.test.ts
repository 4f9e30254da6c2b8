/**
 * `kubectl get pods -w` comes from the worker, read at engine instants: the same
 * lines whatever the frame rate or speed, after a seek back, and from a run loaded
 * again (a share link); a new run starts a new history.
 */
import { describe, expect, it } from 'vitest';
import { defaultEngine } from './defaultEngine.ts';
import { emptyView, mergeFrame, type SimView } from './merge.ts';
import type { Run } from './protocol.ts';
import { Session } from './session.ts';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: crashy
spec:
  restartPolicy: Always
  initContainers:
    - name: setup
      image: busybox:1.36
      command: ['sh', '-c', 'sleep 2']
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'sleep 3; exit 1']
`;
const run: Run = {
  manifest,
  seed: 7,
  actions: [{ atMs: 45_000, action: { kind: 'delete-pod' } }],
};
const END_MS = 90_000;

/** What the panel prints at the session's now, after merging every frame. */
function printed(view: SimView): string[] {
  const upTo = view.watch.filter((l) => l.atMs <= view.nowMs);
  return upTo.length ? [view.watchHeader, ...upTo.map((l) => l.text)] : [];
}

/** Plays `run` to END_MS one display frame (16 ms of wall time) at a time at `speed`. */
function play(speed: number, r: Run = run): { session: Session; view: SimView } {
  const session = new Session(defaultEngine, r);
  let view = mergeFrame(emptyView(), session.frame({ playing: false, speed }));
  for (let t = 0; t < END_MS;) {
    t = Math.min(END_MS, t + Math.max(1, Math.round(16 * speed)));
    session.advanceTo(t);
    view = mergeFrame(view, session.frame({ playing: true, speed }));
  }
  return { session, view };
}

describe('get pods -w from the worker', () => {
  const reference = printed(play(100).view);

  it('prints the kubelet story line by line', () => {
    expect(reference[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    const statuses = reference.slice(1).map((l) => l.split(/\s{2,}/)[2]);
    expect(statuses).toContain('Init:0/1');
    expect(statuses).toContain('PodInitializing');
    expect(statuses).toContain('CrashLoopBackOff');
    // deleted: Terminating while it stops, then its final object — phase Failed, so
    // kubectl prints the container's reason, not Terminating (printers.go, 1.27+)
    expect(statuses.slice(-2)).toEqual(['Terminating', 'Error']);
  });

  it.each([1, 2, 10])('is the same at %s× as at 100×', (speed) => {
    expect(printed(play(speed).view)).toEqual(reference);
  });

  it('is the same after seeking back and playing on, and from the run loaded again', () => {
    const { session, view: played } = play(10);
    let view = played;
    session.seek(20_000);
    view = mergeFrame(view, session.frame({ playing: false, speed: 10 }));
    const at20 = printed(view);
    expect(reference.slice(0, at20.length)).toEqual(at20);
    expect(at20.length).toBeLessThan(reference.length);
    session.advanceTo(END_MS);
    view = mergeFrame(view, session.frame({ playing: false, speed: 10 }));
    expect(printed(view)).toEqual(reference);

    const link = new Session(defaultEngine, session.tm.run);
    link.seek(END_MS);
    expect(printed(mergeFrame(emptyView(), link.frame({ playing: false, speed: 1 })))).toEqual(
      reference,
    );
  });

  it('forgets the discarded future on a fork, and a new run starts a new history', () => {
    const { session, view: played } = play(100);
    session.seek(10_000);
    session.dispatch({ kind: 'delete-pod' });
    const view = mergeFrame(played, session.frame({ playing: false, speed: 1 }));
    // the old future's lines are gone (the pod left the API at once: nothing runs)
    expect(session.tm.sim.printRows()).toEqual([]);
    expect(view.watch.every((l) => l.atMs <= 10_000)).toBe(true);
    expect(printed(view).length).toBeLessThan(reference.length);

    const other = new Session(defaultEngine, {
      manifest: manifest.replace('crashy', 'calm'),
      seed: 1,
      actions: [],
    });
    const fresh = mergeFrame(view, other.frame({ playing: false, speed: 1 }));
    expect(fresh.watch.every((l) => l.row.name === 'calm')).toBe(true);
  });

  it('prints the DELETED line of a pod that leaves the API at once', () => {
    const bare = manifest.replace(/ {2}initContainers:\n(?: {6}.*\n| {4}- .*\n)+/, '');
    const session = new Session(defaultEngine, { manifest: bare, seed: 7, actions: [] });
    session.advanceTo(10_000);
    session.dispatch({ kind: 'delete-pod' });
    const view = mergeFrame(emptyView(), session.frame({ playing: false, speed: 1 }));
    expect(session.tm.sim.printRows()).toEqual([]);
    const last = view.watch.at(-1)!;
    expect(last.atMs).toBe(10_000);
    expect(last.row.name).toBe('crashy');
  });
});
