import { describe, expect, it } from 'vitest';
import type { FrameInput } from './input.ts';
import { trafficEdges } from './traffic.ts';

function frame(nowMs: number): FrameInput {
  return {
    nowMs,
    pods: [
      {
        name: 'talk',
        pod: { metadata: { name: 'talk' } },
        runtime: {
          containers: [
            { name: 'web', kind: 'app' },
            {
              name: 'client',
              kind: 'app',
              inside: {
                connections: [
                  { atMs: 1_000, from: 'client', to: 'web', port: 80, via: 'localhost', ok: true },
                  { atMs: 3_000, from: 'client', to: 'web', port: 80, via: 'localhost', ok: true },
                  { atMs: 3_500, from: 'client', to: null, port: 81, via: 'localhost', ok: false },
                  { atMs: 3_600, from: 'client', to: 'db', port: 53, via: 'service', ok: true },
                ],
              },
            },
          ],
        },
      },
    ],
  };
}

describe('trafficEdges', () => {
  it('draws one edge per recent container-to-container connection, between their cards', () => {
    const edges = trafficEdges(frame(4_000));
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({
      source: 'pod:talk/c/client',
      target: 'pod:talk/c/web',
      label: 'localhost:80',
      animated: true,
    });
  });

  it('reads times given relative to the container start, as the runtime view gives them', () => {
    const f = frame(0);
    const rt = f.pods![0]!.runtime as { containers: { startedAtMs?: number; inside?: unknown }[] };
    rt.containers[1] = {
      ...rt.containers[1],
      startedAtMs: 5_000,
      inside: {
        connections: [
          { afterStartMs: 600, from: 'client', to: 'web', port: 80, via: 'localhost', ok: true },
        ],
      },
    };
    expect(trafficEdges({ ...f, nowMs: 6_000 })).toHaveLength(1);
    expect(trafficEdges({ ...f, nowMs: 5_500 })).toHaveLength(0);
  });

  it('forgets a connection once the window has passed, and ignores the future', () => {
    expect(trafficEdges(frame(3_000 + 8_001))).toEqual([]);
    expect(trafficEdges(frame(500))).toEqual([]);
  });
});
