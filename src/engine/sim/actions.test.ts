/**
 * Reproductions from the engine fuzzer (issue 22): an action the API cannot
 * carry out is refused with a clear, API-style error and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation.ts';
import type { Action } from './types.ts';

const manifest = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'myapp-pod' },
  spec: {
    containers: [
      {
        name: 'app',
        image: 'busybox:1.36',
        command: ['sleep', '3600'],
        readinessProbe: { tcpSocket: { port: 80 } },
      },
    ],
  },
};

const REFUSED: Array<[string, unknown, string]> = [
  [
    'oom-kill of an unknown pod',
    { kind: 'oom-kill', container: 'app', pod: 'nope' },
    'pods "nope" not found',
  ],
  [
    'probe-recover in an unknown pod',
    { kind: 'probe-recover', container: 'app', probe: 'readiness', pod: 'nope' },
    'pods "nope" not found',
  ],
  [
    'kill-sandbox of an unknown pod',
    { kind: 'kill-sandbox', pod: 'nope' },
    'pods "nope" not found',
  ],
  [
    'an unknown container',
    { kind: 'crash', container: 'x' },
    'container "x" not found in pod "myapp-pod"',
  ],
  [
    'a container that is not a name',
    { kind: 'crash', container: {} },
    'action.container: Invalid value: {}: must be a string',
  ],
  ['no container', { kind: 'oom-kill' }, 'action.container: Required value'],
  [
    'a pod that is not a name',
    { kind: 'kill-sandbox', pod: 3 },
    'action.pod: Invalid value: 3: must be a string',
  ],
  ['no probe', { kind: 'probe-failure', container: 'app' }, 'action.probe: Required value'],
  [
    'an unknown probe',
    { kind: 'probe-failure', container: 'app', probe: 'bogus' },
    'action.probe: Unsupported value: "bogus": supported values: "liveness", "readiness", "startup"',
  ],
  [
    'a probe the container lacks',
    { kind: 'probe-failure', container: 'app', probe: 'liveness' },
    'container "app" in pod "myapp-pod" has no livenessProbe',
  ],
  [
    'a duration that is not a number',
    { kind: 'image-pull-error', durationMs: null },
    'action.durationMs: Invalid value: null: must be a number of milliseconds',
  ],
  [
    'a NaN duration (the scheduler was fed NaN)',
    { kind: 'probe-failure', container: 'app', probe: 'readiness', durationMs: Number.NaN },
    'action.durationMs: Invalid value: NaN: must be a number of milliseconds',
  ],
  [
    'a negative duration',
    { kind: 'image-pull-error', durationMs: -5 },
    'action.durationMs: Invalid value: -5: must be greater than or equal to 0',
  ],
  [
    'an image that is not a string',
    { kind: 'image-pull-error', image: 3 },
    'action.image: Invalid value: 3: must be a string',
  ],
  [
    'an exit code out of range',
    { kind: 'crash', container: 'app', exitCode: -1 },
    'action.exitCode: Invalid value: -1: must be an integer between 0 and 255',
  ],
  [
    'a negative grace period',
    { kind: 'delete-pod', gracePeriodSeconds: -1 },
    'action.gracePeriodSeconds: Invalid value: -1: must be greater than or equal to 0',
  ],
  ['an unknown node', { kind: 'node-failure', node: 'node-9' }, 'nodes "node-9" not found'],
  [
    'an unknown kind',
    { kind: 'foo' },
    'action.kind: Unsupported value: "foo": supported values: "crash", "oom-kill",',
  ],
  ['a kind that is not a string', { kind: 7 }, 'action.kind: Unsupported value: 7:'],
  ['no kind', {}, 'action.kind: Required value'],
  ['not an object', null, 'action: Invalid value: null: must be an object with a kind'],
];

describe('dispatch refuses bad actions clearly and changes nothing', () => {
  it.each(REFUSED)('%s', (_, action, message) => {
    const s = createSimulation({ manifest, seed: 3 });
    s.advanceTo(20_000);
    const before = JSON.stringify(s.snapshot());
    let thrown: unknown;
    try {
      s.dispatch(action as Action);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).constructor).toBe(Error);
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toMatch(/undefined|\[object /);
    expect(JSON.stringify(s.snapshot())).toBe(before);
  });
});
