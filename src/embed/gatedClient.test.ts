import { describe, expect, it } from 'vitest';
import type { SimClient } from '../worker/client.ts';
import type { Command, Frame, HostMessage } from '../worker/protocol.ts';
import { createGatedClient } from './gatedClient.ts';

function fakeClient() {
  const sent: Command[] = [];
  const listeners = new Set<(m: HostMessage) => void>();
  let disposed = false;
  const client: SimClient = {
    transport: 'in-thread',
    send: (cmd) => sent.push(cmd),
    onMessage: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    dispose: () => {
      disposed = true;
    },
  };
  const emitPlaying = (playing: boolean) => {
    const frame = { playing } as Frame;
    for (const l of listeners) l({ type: 'frame', frame });
  };
  return { client, sent, emitPlaying, isDisposed: () => disposed };
}

describe('createGatedClient', () => {
  it('starts the real client only when first visible, replaying queued commands', () => {
    const fake = fakeClient();
    let created = 0;
    const gate = createGatedClient(() => {
      created++;
      return fake.client;
    });
    gate.send({ type: 'setSpeed', speed: 2 });
    gate.send({ type: 'seek', ms: 5 });
    expect(created).toBe(0);
    expect(gate.started).toBe(false);
    gate.setVisible(true);
    expect(created).toBe(1);
    expect(gate.transport).toBe('in-thread');
    expect(fake.sent).toEqual([
      { type: 'setSpeed', speed: 2 },
      { type: 'seek', ms: 5 },
    ]);
    gate.setVisible(false);
    gate.setVisible(true);
    expect(created).toBe(1);
  });

  it('defers play until visible (autoplay off-screen)', () => {
    const fake = fakeClient();
    const gate = createGatedClient(() => fake.client);
    gate.send({ type: 'play' });
    expect(fake.sent).toEqual([]);
    gate.setVisible(true);
    expect(fake.sent).toEqual([{ type: 'play' }]);
  });

  it('pauses off-screen and resumes on return, unless paused meanwhile', () => {
    const fake = fakeClient();
    const gate = createGatedClient(() => fake.client);
    gate.setVisible(true);
    gate.send({ type: 'play' });
    fake.emitPlaying(true);
    gate.setVisible(false);
    expect(fake.sent.at(-1)).toEqual({ type: 'pause' });
    fake.emitPlaying(false);
    gate.setVisible(true);
    expect(fake.sent.at(-1)).toEqual({ type: 'play' });
    fake.emitPlaying(true);

    gate.setVisible(false);
    gate.send({ type: 'pause' });
    const count = fake.sent.length;
    gate.setVisible(true);
    expect(fake.sent.length).toBe(count);
  });

  it('forwards messages to its listeners and disposes the real client', () => {
    const fake = fakeClient();
    const gate = createGatedClient(() => fake.client);
    const seen: HostMessage[] = [];
    gate.onMessage((m) => seen.push(m));
    gate.setVisible(true);
    fake.emitPlaying(false);
    expect(seen).toHaveLength(1);
    gate.dispose();
    expect(fake.isDisposed()).toBe(true);
    gate.send({ type: 'play' });
    expect(fake.sent.filter((c) => c.type === 'play')).toHaveLength(0);
  });

  it('waits for holds to be released, and a queued load drops what came before it', () => {
    const fake = fakeClient();
    const gate = createGatedClient(() => fake.client);
    const release = gate.hold();
    gate.send({ type: 'load', run: { manifest: 'a', seed: 1, actions: [] } });
    gate.send({ type: 'setSpeed', speed: 3 });
    gate.send({ type: 'seek', ms: 9 });
    gate.setVisible(true);
    expect(gate.started).toBe(false);
    gate.send({ type: 'load', run: { manifest: 'b', seed: 1, actions: [] } });
    release();
    release();
    expect(gate.started).toBe(true);
    expect(fake.sent).toEqual([
      { type: 'setSpeed', speed: 3 },
      { type: 'load', run: { manifest: 'b', seed: 1, actions: [] } },
    ]);
  });
});
