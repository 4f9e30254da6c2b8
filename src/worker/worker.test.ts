import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { wrap, type Envelope, type HostMessage } from './protocol.ts';

describe('the real worker entry', () => {
  it('answers ready, then a frame for each command', async () => {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    const inbox: HostMessage[] = [];
    const got = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => (inbox.length >= n ? resolve() : setTimeout(check, 5));
        check();
      });
    worker.onmessage = (e: MessageEvent<Envelope<HostMessage>>) => inbox.push(e.data.msg);
    worker.postMessage(wrap({ type: 'load', run: { manifest: '', seed: 7, actions: [] } }));
    worker.postMessage(wrap({ type: 'seek', ms: 42_000 }));
    await got(3);
    expect(inbox[0]).toEqual({ type: 'ready', version: 1 });
    expect(inbox[2]).toMatchObject({ type: 'frame', frame: { nowMs: 42_000, playing: false } });
    worker.terminate();
  });
});
