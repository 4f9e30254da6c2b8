import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { createSimClient, type Transport } from './client.ts';
import type { Command, HostMessage, Run } from './protocol.ts';

const run: Run = {
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'sleep 3600']
`,
  seed: 7,
  actions: [],
};

const script: Command[] = [
  { type: 'load', run },
  { type: 'seek', ms: 42_000 },
  { type: 'dispatch', action: { kind: 'crash', container: 'app', exitCode: 3 } },
  { type: 'step' },
  { type: 'nextEvent' },
  { type: 'seek', ms: 90_000 },
  { type: 'seek', ms: 10_000 },
  { type: 'setSpeed', speed: 4 },
  { type: 'seek', ms: 120_000 },
];

/** Sends the script through a client and collects every message until the last frame. */
async function record(transport: Transport): Promise<HostMessage[]> {
  const client = createSimClient({ transport });
  const inbox: HostMessage[] = [];
  const frames = () => inbox.filter((m) => m.type === 'frame').length;
  client.onMessage((m) => inbox.push(m));
  for (const cmd of script) client.send(cmd);
  const deadline = Date.now() + 10_000;
  while (frames() < script.length && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 5));
  expect(client.transport).toBe(transport);
  client.dispose();
  return inbox;
}

describe('the real worker entry and the same-thread fallback', () => {
  it('give the same messages for the same commands', async () => {
    const viaWorker = await record('worker');
    const inThread = await record('in-thread');
    expect(viaWorker[0]).toEqual({ type: 'ready', version: 1 });
    expect(viaWorker.filter((m) => m.type === 'frame')).toHaveLength(script.length);
    expect(viaWorker.filter((m) => m.type === 'error')).toEqual([]);
    expect(viaWorker.at(-1)).toMatchObject({ type: 'frame', frame: { nowMs: 120_000, speed: 4 } });
    expect(inThread).toEqual(viaWorker);
  });
});
