import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type HostEnv } from './host.ts';
import { emptyView, mergeFrame, type SimView } from './merge.ts';
import {
  wrap,
  type Command,
  type Envelope,
  type Frame,
  type HostMessage,
  type Run,
} from './protocol.ts';
import { fakeEngine } from './testing/fakeEngine.ts';

const manifest = {
  name: 'web',
  containers: [{ name: 'app', exitAfterMs: 5_000 }, { name: 'side' }],
};
const run: Run = { manifest, seed: 2, actions: [] };

/** A host on one end of a real MessageChannel, driven by a manual wall clock. */
function connect() {
  const channel = new MessageChannel();
  let wall = 0;
  const ticks = new Set<() => void>();
  const env: HostEnv = {
    post: (m) => channel.port1.postMessage(m),
    wallNow: () => wall,
    every: (_ms, tick) => {
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
  };
  const host = createHost(env, { engine: fakeEngine });
  channel.port1.onmessage = (e: MessageEvent<unknown>) => host.receive(e.data);
  const inbox: HostMessage[] = [];
  let view: SimView = emptyView();
  channel.port2.onmessage = (e: MessageEvent<Envelope<HostMessage>>) => {
    inbox.push(e.data.msg);
    if (e.data.msg.type === 'frame') view = mergeFrame(view, e.data.msg.frame);
  };
  const flush = () => new Promise((r) => setTimeout(r, 5));
  return {
    inbox,
    view: () => view,
    send: async (cmd: Command | unknown, raw = false) => {
      channel.port2.postMessage(raw ? cmd : wrap(cmd as Command));
      await flush();
    },
    /** Lets `ms` of wall time pass in ticks of 16 ms. */
    elapse: async (ms: number) => {
      for (let t = 0; t < ms; t += 16) {
        wall += Math.min(16, ms - t);
        for (const tick of [...ticks]) tick();
      }
      await flush();
    },
    lastFrame: (): Frame | undefined =>
      [...inbox].reverse().find((m): m is { type: 'frame'; frame: Frame } => m.type === 'frame')
        ?.frame,
    lastError: () => [...inbox].reverse().find((m) => m.type === 'error'),
    close: () => {
      host.dispose();
      channel.port1.close();
      channel.port2.close();
    },
  };
}

describe('simulation host over a MessageChannel', () => {
  let link: ReturnType<typeof connect>;
  afterEach(() => link?.close());

  it('announces itself, loads paused, plays at speed, pauses and seeks', async () => {
    link = connect();
    await link.send({ type: 'load', run });
    expect(link.inbox[0]).toEqual({ type: 'ready', version: 1 });
    expect(link.lastFrame()).toMatchObject({ nowMs: 0, playing: false, horizonMs: 0 });

    await link.send({ type: 'setSpeed', speed: 10 });
    await link.send({ type: 'play' });
    await link.elapse(496);
    expect(link.lastFrame()).toMatchObject({ nowMs: 4960, playing: true, speed: 10 });

    await link.send({ type: 'pause' });
    await link.elapse(500);
    expect(link.lastFrame()).toMatchObject({ nowMs: 4960, playing: false });

    await link.send({ type: 'seek', ms: 1200 });
    expect(link.view()).toMatchObject({ nowMs: 1200, horizonMs: 4960 });
  });

  it('opens a shared run at its time and speed, with its actions as the recorded future', async () => {
    link = connect();
    const shared: Run = {
      ...run,
      actions: [
        { atMs: 8_000, action: { kind: 'crash', container: 'side' } },
        { atMs: 90_000, action: { kind: 'oom-kill', container: 'side' } },
      ],
    };
    await link.send({ type: 'load', run: shared, atMs: 20_000, speed: 5 });
    expect(link.view()).toMatchObject({ nowMs: 20_000, speed: 5, playing: false });
    expect(link.view().horizonMs).toBe(90_000);
    expect(link.view().actions).toEqual(shared.actions);
    expect(link.view().events.some((e) => e.atMs === 8_000 && e.reason === 'Killing')).toBe(true);
  });

  it('steps one instant at a time and jumps to the next event', async () => {
    link = connect();
    await link.send({ type: 'load', run });
    const next = link.view().nextEventAtMs!;
    await link.send({ type: 'step' });
    expect(link.view().nowMs).toBe(next);
    const before = link.view().events.length;
    await link.send({ type: 'nextEvent' });
    expect(link.view().events.length).toBeGreaterThan(before);
    expect(link.view().events.at(-1)!.atMs).toBe(link.view().nowMs);
  });

  it('keeps Kubernetes time true at 0.25× (fractions carry over)', async () => {
    link = connect();
    await link.send({ type: 'load', run, speed: 0.25, autoplay: true });
    await link.elapse(1000);
    expect(link.lastFrame()).toMatchObject({ nowMs: 250, speed: 0.25 });
  });

  it('streams events as deltas, resetting them after a seek back', async () => {
    link = connect();
    await link.send({ type: 'load', run });
    await link.send({ type: 'seek', ms: 30_000 });
    const all = link.view().events;
    expect(all.length).toBeGreaterThan(3);
    await link.send({ type: 'seek', ms: 31_000 });
    expect(link.lastFrame()!.events.reset).toBe(false);
    await link.send({ type: 'seek', ms: 2_000 });
    const f = link.lastFrame()!;
    expect(f.events.reset).toBe(true);
    expect(f.events.items).toEqual(all.filter((e) => e.atMs <= 2_000));
    expect(link.view().events).toEqual(f.events.items);
    expect(link.view().eventsEpoch).toBe(2); // the load, then the seek back
  });

  it('omits unchanged heavy parts', async () => {
    link = connect();
    await link.send({ type: 'load', run });
    expect(link.lastFrame()!.pods).toHaveLength(1);
    await link.send({ type: 'setSpeed', speed: 2 });
    const f = link.lastFrame()!;
    expect(f).toMatchObject({ pods: null, nodes: null, rows: null, logs: null, actions: null });
    expect(f.events.items).toEqual([]);
  });

  it('records dispatched actions and forks after a seek back', async () => {
    link = connect();
    await link.send({ type: 'load', run });
    await link.send({ type: 'seek', ms: 10_000 });
    await link.send({ type: 'dispatch', action: { kind: 'crash', container: 'side' } });
    await link.send({ type: 'seek', ms: 40_000 });
    await link.send({ type: 'seek', ms: 5_000 });
    await link.send({ type: 'dispatch', action: { kind: 'oom-kill', container: 'side' } });
    expect(link.view().actions).toEqual([
      { atMs: 5_000, action: { kind: 'oom-kill', container: 'side' } },
    ]);
    expect(link.view().horizonMs).toBe(5_000);
  });

  it('answers bad input with errors and changes nothing', async () => {
    link = connect();
    await link.send({ type: 'load', run });
    await link.send({ type: 'setSpeed', speed: 1000 });
    expect(link.lastFrame()).toMatchObject({ speed: 100 });
    await link.send({ hello: 'world' }, true);
    expect(link.lastError()).toMatchObject({ code: 'version', fatal: false });
    await link.send({ type: 'fly' });
    expect(link.lastError()).toMatchObject({ code: 'bad-command' });
    await link.send({ type: 'seek', ms: -5 });
    expect(link.lastError()).toMatchObject({ code: 'bad-command', fatal: false });
    await link.send({ type: 'dispatch', action: { kind: 'crash', container: 'nope' } });
    expect(link.lastError()).toMatchObject({ code: 'action', fatal: false });
    await link.send({
      type: 'load',
      run: { manifest: { containers: [] }, seed: 1, actions: [] },
      speed: 50,
    });
    expect(link.lastError()).toMatchObject({
      code: 'manifest',
      errors: [{ field: 'spec.containers' }],
    });
    await link.send({ type: 'seek', ms: 3_000 });
    expect(link.view()).toMatchObject({ nowMs: 3_000, crashed: false, speed: 100 });
    expect(link.view().pods[0]!.name).toBe('web');
  });

  it('stops on an engine error until the run is loaded again', async () => {
    link = connect();
    const boom: Run = { manifest: { ...manifest, explodeAtMs: 20_000 }, seed: 1, actions: [] };
    await link.send({ type: 'load', run: boom, autoplay: true, speed: 100 });
    await link.elapse(400);
    expect(link.lastError()).toMatchObject({ code: 'engine', fatal: true });
    expect(link.view()).toMatchObject({ crashed: true, playing: false });
    await link.send({ type: 'play' });
    expect(link.lastError()).toMatchObject({ code: 'engine', fatal: true });
    await link.send({ type: 'load', run: boom });
    expect(link.view()).toMatchObject({ crashed: false, nowMs: 0 });
  });
});
