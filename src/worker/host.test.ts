import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type HostEnv } from './host.ts';
import { wrap, type Command, type Envelope, type HostMessage } from './protocol.ts';

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
  const host = createHost(env);
  channel.port1.onmessage = (e: MessageEvent<unknown>) => host.receive(e.data);
  const inbox: HostMessage[] = [];
  channel.port2.onmessage = (e: MessageEvent<Envelope<HostMessage>>) => inbox.push(e.data.msg);
  const flush = () => new Promise((r) => setTimeout(r, 10));
  return {
    inbox,
    send: async (cmd: Command | unknown, raw = false) => {
      channel.port2.postMessage(raw ? cmd : wrap(cmd as Command));
      await flush();
    },
    elapse: async (ms: number) => {
      wall += ms;
      for (const t of [...ticks]) t();
      await flush();
    },
    lastFrame: () => [...inbox].reverse().find((m) => m.type === 'frame'),
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

  it('announces itself, plays at speed, pauses and seeks', async () => {
    link = connect();
    await link.send({ type: 'load', run: { manifest: '', seed: 1, actions: [] } });
    expect(link.inbox[0]).toEqual({ type: 'ready', version: 1 });

    await link.send({ type: 'setSpeed', speed: 10 });
    await link.send({ type: 'play' });
    await link.elapse(500);
    expect(link.lastFrame()).toEqual({
      type: 'frame',
      frame: expect.objectContaining({ nowMs: 5000, playing: true, speed: 10 }),
    });

    await link.send({ type: 'pause' });
    await link.elapse(500);
    expect(link.lastFrame()).toMatchObject({ frame: { nowMs: 5000, playing: false } });

    await link.send({ type: 'seek', ms: 1200 });
    expect(link.lastFrame()).toMatchObject({ frame: { nowMs: 1200 } });
  });

  it('clamps speed to 0.25×–100× and reports bad messages as errors', async () => {
    link = connect();
    await link.send({ type: 'setSpeed', speed: 1000 });
    expect(link.lastFrame()).toMatchObject({ frame: { speed: 100 } });
    await link.send({ hello: 'world' }, true);
    expect(link.inbox.at(-1)).toMatchObject({ type: 'error', code: 'version' });
    await link.send({ type: 'seek', ms: -5 });
    expect(link.inbox.at(-1)).toMatchObject({ type: 'error', code: 'engine' });
  });
});
