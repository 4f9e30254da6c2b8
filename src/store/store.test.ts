import { describe, expect, it, vi } from 'vitest';
import type { SimClient } from '../worker/client.ts';
import { createHost } from '../worker/host.ts';
import { wrap, type Command, type HostMessage, type Run } from '../worker/protocol.ts';
import { fakeEngine } from '../worker/testing/fakeEngine.ts';
import { createPodscopeStore } from './createPodscopeStore.ts';

const manifest = {
  name: 'web',
  containers: [{ name: 'app', exitAfterMs: 5_000 }, { name: 'side' }],
};
const run: Run = { manifest, seed: 2, actions: [] };

/** A synchronous client around a real host (fake engine), and a manual frame clock. */
function setup(initial: Run = run) {
  const listeners = new Set<(m: HostMessage) => void>();
  let wall = 0;
  const ticks = new Set<() => void>();
  const host = createHost(
    {
      post: (env) => {
        const copy = structuredClone(env.msg);
        for (const l of listeners) l(copy);
      },
      wallNow: () => wall,
      every: (_ms, tick) => {
        ticks.add(tick);
        return () => ticks.delete(tick);
      },
    },
    { engine: fakeEngine },
  );
  const sent: Command[] = [];
  const client: SimClient = {
    transport: 'in-thread',
    send: (cmd) => {
      sent.push(cmd);
      host.receive(wrap(cmd));
    },
    onMessage: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    dispose: () => host.dispose(),
  };
  const queued: (() => void)[] = [];
  const store = createPodscopeStore(client, initial, { schedule: (fn) => queued.push(fn) });
  const animationFrame = () => queued.splice(0).forEach((fn) => fn());
  const elapse = (ms: number) => {
    for (let t = 0; t < ms; t += 16) {
      wall += 16;
      for (const tick of [...ticks]) tick();
    }
  };
  return { store, sent, animationFrame, elapse };
}

describe('the podscope store', () => {
  it('mirrors the host: frames merged once per animation frame', () => {
    const { store, animationFrame, elapse } = setup();
    expect(store.getState().frame).toBeUndefined();
    animationFrame();
    const s = store.getState();
    expect(s.isReady).toBe(true);
    expect(s.frame).toMatchObject({ nowMs: 0, playing: false });
    expect(s.frame!.pods.map((p) => p.name)).toEqual(['web']);

    const listener = vi.fn();
    store.subscribe(listener);
    s.setSpeed(10);
    s.play();
    elapse(16 * 40);
    expect(listener).not.toHaveBeenCalled();
    animationFrame();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().frame!.nowMs).toBe(6_400);
    expect(store.getState().frame!.events.length).toBeGreaterThan(2);
  });

  it('keeps the serializable run in step with the host (actions, forks)', () => {
    const { store, animationFrame } = setup();
    const s = store.getState();
    s.seek(10_000);
    s.dispatch({ kind: 'crash', container: 'side' });
    s.seek(20_000);
    s.dispatch({ kind: 'crash', container: 'app' });
    animationFrame();
    expect(store.getState().run.actions.map((a) => a.atMs)).toEqual([10_000, 20_000]);
    s.seek(15_000);
    s.dispatch({ kind: 'oom-kill', container: 'side' });
    animationFrame();
    const { run: now } = store.getState();
    expect(now.actions).toEqual([
      { atMs: 10_000, action: { kind: 'crash', container: 'side' } },
      { atMs: 15_000, action: { kind: 'oom-kill', container: 'side' } },
    ]);
    expect(JSON.parse(JSON.stringify(now))).toEqual(now);
  });

  it('restarts after an engine error with the manifest and actions kept', () => {
    const boom: Run = {
      manifest: { ...manifest, explodeAtMs: 30_000 },
      seed: 1,
      actions: [{ atMs: 5_000, action: { kind: 'crash', container: 'side' } }],
    };
    const { store, sent, animationFrame } = setup(boom);
    store.getState().seek(40_000);
    animationFrame();
    expect(store.getState().error).toMatchObject({ code: 'engine', fatal: true });
    expect(store.getState().frame!.crashed).toBe(true);
    store.getState().restart();
    animationFrame();
    expect(store.getState().error).toBeUndefined();
    expect(sent.at(-1)).toEqual({ type: 'load', run: boom, speed: 1 });
    expect(store.getState().frame).toMatchObject({ crashed: false, nowMs: 0 });
    expect(store.getState().run).toEqual(boom);
  });

  it('reverts the run when the host refuses a manifest', () => {
    const { store, animationFrame } = setup();
    store.getState().load({ manifest: { containers: [] }, seed: 1, actions: [] });
    animationFrame();
    expect(store.getState().error).toMatchObject({ code: 'manifest', fatal: false });
    expect(store.getState().run.manifest).toEqual(manifest);
  });

  it('sends every playback command', () => {
    const { store, sent } = setup();
    const s = store.getState();
    s.step();
    s.nextEvent();
    s.togglePlay();
    s.reset();
    expect(sent.slice(1).map((c) => c.type)).toEqual(['step', 'nextEvent', 'play', 'reset']);
  });

  it('has a UI slice per instance', () => {
    const a = setup().store;
    const b = setup().store;
    a.getState().select('web', 'app');
    a.getState().setTheme('dark');
    a.getState().setOpenPanel('logs');
    expect(a.getState()).toMatchObject({
      selectedPod: 'web',
      selectedContainer: 'app',
      theme: 'dark',
      openPanel: 'logs',
    });
    expect(b.getState()).toMatchObject({ selectedPod: undefined, theme: 'auto' });
    a.getState().select(undefined, 'app');
    expect(a.getState().selectedContainer).toBeUndefined();
  });
});
