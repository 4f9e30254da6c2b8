import { describe, expect, it, vi } from 'vitest';
import type { Frame, HostMessage, Run, SimEvent } from '../worker/protocol.ts';
import { attachHostApi, parseHostMessage, type FrameToHost, type HostControls } from './hostApi.ts';

const ORIGIN = 'https://docs.example.com';
const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
`;

function frame(partial: Partial<Frame>): Frame {
  return {
    nowMs: 0,
    playing: false,
    speed: 1,
    horizonMs: 0,
    nextEventAtMs: null,
    crashed: false,
    pods: null,
    nodes: null,
    rows: null,
    events: { reset: false, items: [] },
    logs: null,
    actions: null,
    lanes: null,
    watch: null,
    ...partial,
  };
}

const ev = (atMs: number, reason: string): SimEvent => ({
  atMs,
  type: 'Normal',
  reason,
  message: reason,
});

function setup() {
  const posted: { msg: FrameToHost; origin: string }[] = [];
  const target = {
    postMessage: (msg: unknown, origin: string) => {
      posted.push({ msg: msg as FrameToHost, origin });
    },
  };
  const handlers = new Set<(e: MessageEvent) => void>();
  const listenOn = {
    addEventListener: (_: string, h: EventListener) => handlers.add(h as (e: MessageEvent) => void),
    removeEventListener: (_: string, h: EventListener) =>
      handlers.delete(h as (e: MessageEvent) => void),
  } as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>;
  const simListeners = new Set<(m: HostMessage) => void>();
  const runListeners = new Set<() => void>();
  let run: Run = { manifest: 'x', seed: 7, actions: [] };
  const calls: unknown[][] = [];
  const controls: HostControls = {
    load: (r) => {
      run = r;
      calls.push(['load', r]);
      for (const l of runListeners) l();
    },
    play: () => calls.push(['play']),
    pause: () => calls.push(['pause']),
    setSpeed: (s) => calls.push(['speed', s]),
    seek: (ms) => calls.push(['seek', ms]),
    dispatch: (a) => calls.push(['dispatch', a]),
    currentRun: () => run,
    exportView: (format) =>
      format === 'svg'
        ? Promise.resolve('data:image/svg+xml;charset=utf-8,%3Csvg%3E')
        : Promise.reject(new Error('this browser cannot draw to a canvas')),
  };
  const warn = vi.fn();
  const detach = attachHostApi({
    origin: ORIGIN,
    listenOn,
    target,
    controls,
    onSimMessage: (l) => {
      simListeners.add(l);
      return () => simListeners.delete(l);
    },
    onRunChange: (l) => {
      runListeners.add(l);
      return () => runListeners.delete(l);
    },
    warn,
  });
  const receive = (data: unknown, origin = ORIGIN) => {
    for (const h of handlers) h({ data, origin } as MessageEvent);
  };
  const sim = (f: Partial<Frame>) => {
    for (const l of simListeners) l({ type: 'frame', frame: frame(f) });
  };
  return { posted, calls, receive, sim, warn, detach, handlers, simListeners };
}

describe('host API', () => {
  it('says ready, to the allowed origin only', () => {
    const { posted } = setup();
    expect(posted).toEqual([{ msg: { source: 'podscope', type: 'ready' }, origin: ORIGIN }]);
  });

  it('drives the instance with play, pause, speed, seek and dispatch', () => {
    const { receive, calls, warn } = setup();
    receive({ source: 'podscope', type: 'play' });
    receive({ source: 'podscope', type: 'pause' });
    receive({ source: 'podscope', type: 'speed', value: 4 });
    receive({ source: 'podscope', type: 'seek', ms: 1500.4 });
    receive({
      source: 'podscope',
      type: 'dispatch',
      action: { kind: 'crash', container: 'nginx' },
    });
    expect(calls).toEqual([
      ['play'],
      ['pause'],
      ['speed', 4],
      ['seek', 1500],
      ['dispatch', { kind: 'crash', container: 'nginx' }],
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('ignores every other origin, silently', () => {
    const { receive, calls, posted, warn } = setup();
    for (const origin of [
      'https://evil.example',
      'null',
      `${ORIGIN}:443`,
      'http://docs.example.com',
    ])
      receive({ source: 'podscope', type: 'play' }, origin);
    expect(calls).toEqual([]);
    expect(posted).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns about malformed podscope messages and does nothing', () => {
    const { receive, calls, posted, warn } = setup();
    const bad = [
      { source: 'podscope', type: 'fly' },
      { source: 'podscope', type: 'speed', value: 'fast' },
      { source: 'podscope', type: 'seek', ms: -1 },
      { source: 'podscope', type: 'load', manifest: 42 },
      { source: 'podscope', type: 'dispatch', action: { kind: 'format-disk' } },
      { source: 'podscope' },
    ];
    for (const b of bad) receive(b);
    receive('hello');
    receive({ type: 'play' });
    expect(calls).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(bad.length);
    expect(posted).toHaveLength(1);
  });

  it('loads a valid manifest with the current seed', () => {
    const { receive, calls } = setup();
    receive({ source: 'podscope', type: 'load', manifest: MANIFEST });
    expect(calls).toEqual([['load', { manifest: MANIFEST, seed: 7, actions: [] }]]);
  });

  it('answers a bad manifest with its errors and changes nothing', () => {
    const { receive, calls, posted } = setup();
    receive({
      source: 'podscope',
      type: 'load',
      manifest: MANIFEST.replace('name: nginx', 'name: NGINX'),
    });
    expect(calls).toEqual([]);
    const last = posted.at(-1)!;
    expect(last.origin).toBe(ORIGIN);
    expect(last.msg.type).toBe('error');
    expect(last.msg.type === 'error' && last.msg.errors[0]!.field).toBe('spec.containers[0].name');
  });

  it('posts state when a row changes, with the kubectl columns only', () => {
    const { sim, posted } = setup();
    const row = { name: 'web', ready: '0/1', status: 'Pending', restarts: '0', age: '0s' };
    sim({ nowMs: 0, rows: [row] });
    sim({ nowMs: 10, rows: [row] });
    sim({ nowMs: 20, rows: null });
    sim({ nowMs: 1000, rows: [{ ...row, age: '1s', extra: 'x' } as typeof row] });
    expect(posted.slice(1).map((p) => p.msg)).toEqual([
      { source: 'podscope', type: 'state', nowMs: 0, pods: [row] },
      { source: 'podscope', type: 'state', nowMs: 1000, pods: [{ ...row, age: '1s' }] },
    ]);
  });

  it('posts each new event once, including after a seek back and a fork', () => {
    const { sim, posted, receive } = setup();
    const events = () =>
      posted
        .filter((p) => p.msg.type === 'event')
        .map((p) => (p.msg.type === 'event' ? p.msg.event.reason : ''));
    sim({ events: { reset: true, items: [ev(0, 'Scheduled')] } });
    sim({ events: { reset: false, items: [ev(1, 'Pulling'), ev(2, 'Pulled')] } });
    expect(events()).toEqual(['Scheduled', 'Pulling', 'Pulled']);
    // seek back to 1: the log restarts with a prefix; replaying forward repeats nothing
    sim({ events: { reset: true, items: [ev(0, 'Scheduled'), ev(1, 'Pulling')] } });
    sim({ events: { reset: false, items: [ev(2, 'Pulled')] } });
    expect(events()).toHaveLength(3);
    // a fork: a different future from index 2
    sim({ events: { reset: true, items: [ev(0, 'Scheduled'), ev(1, 'Pulling')] } });
    sim({ events: { reset: false, items: [ev(2, 'Killing')] } });
    expect(events()).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Killing']);
    // a new run: everything is new again
    receive({ source: 'podscope', type: 'load', manifest: MANIFEST });
    sim({ events: { reset: true, items: [ev(0, 'Scheduled')] } });
    expect(events()).toHaveLength(5);
  });

  it('forwards engine refusals as errors', () => {
    const setupResult = setup();
    for (const l of setupResult.simListeners)
      l({ type: 'error', code: 'action', message: 'no container "x"', fatal: false });
    expect(setupResult.posted.at(-1)!.msg).toEqual({
      source: 'podscope',
      type: 'error',
      errors: [{ field: '', message: 'no container "x"' }],
    });
  });

  it('answers export with the view as a data URL, and a failed or malformed export with an error', async () => {
    const { receive, posted, warn } = setup();
    posted.length = 0;
    receive({ source: 'podscope', type: 'export', format: 'svg' });
    await Promise.resolve();
    await Promise.resolve();
    expect(posted).toEqual([
      {
        msg: {
          source: 'podscope',
          type: 'exported',
          format: 'svg',
          dataUrl: 'data:image/svg+xml;charset=utf-8,%3Csvg%3E',
        },
        origin: ORIGIN,
      },
    ]);
    posted.length = 0;
    receive({ source: 'podscope', type: 'export', format: 'png' });
    await new Promise((r) => setTimeout(r, 0));
    expect(posted).toEqual([
      {
        msg: {
          source: 'podscope',
          type: 'error',
          errors: [
            { field: 'format', message: 'export failed: this browser cannot draw to a canvas' },
          ],
        },
        origin: ORIGIN,
      },
    ]);
    posted.length = 0;
    receive({ source: 'podscope', type: 'export', format: 'gif' });
    receive({ source: 'podscope', type: 'export', format: 'svg' }, 'https://evil.example');
    await new Promise((r) => setTimeout(r, 0));
    expect(posted).toEqual([]);
    expect(warn).toHaveBeenCalledWith(
      'ignored a malformed message: export needs format: "png" or "svg", not "gif"',
      expect.anything(),
    );
  });

  it('detaches completely', () => {
    const { detach, handlers, simListeners } = setup();
    detach();
    expect(handlers.size).toBe(0);
    expect(simListeners.size).toBe(0);
  });
});

describe('parseHostMessage', () => {
  it('keeps only the documented fields', () => {
    expect(parseHostMessage({ source: 'podscope', type: 'play', extra: 1 })).toEqual({
      source: 'podscope',
      type: 'play',
    });
  });
});
