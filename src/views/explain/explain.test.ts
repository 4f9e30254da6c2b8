import { describe, expect, it } from 'vitest';
import { loadLocale, translator } from '../../i18n/index.ts';
import { podFixture, podInputFixture } from '../anatomy/fixtures.ts';
import { buildPod, type PodVM } from '../anatomy/model.ts';
import {
  explainFault,
  explainStatus,
  faultUnavailable,
  nextBackOffSeconds,
  willRestart,
} from './explain.ts';

function pod(restartPolicy: string): PodVM {
  const p = podFixture();
  p.spec!.restartPolicy = restartPolicy;
  return buildPod(podInputFixture(p));
}
const keys = (ms: { key: string }[]) => ms.map((m) => m.key);
const c = (p: PodVM, name: string) => p.containers.find((x) => x.name === name)!;

describe('back-off', () => {
  it('is immediate first, then 10 s doubling to 300 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(nextBackOffSeconds)).toEqual([
      0, 10, 20, 40, 80, 160, 300, 300,
    ]);
  });
});

describe('explainFault', () => {
  it('crash of an app container follows restartPolicy', () => {
    expect(
      keys(explainFault('crash', { pod: pod('Never'), container: c(pod('Never'), 'web') })),
    ).toEqual(['explain.crash', 'explain.exit.never']);
    const onf = pod('OnFailure');
    expect(
      keys(explainFault('crash', { pod: onf, container: c(onf, 'web'), exitCode: 0 })),
    ).toContain('explain.exit.onFailureZero');
    const always = pod('Always');
    const m = explainFault('crash', { pod: always, container: c(always, 'web'), exitCode: 0 });
    expect(keys(m)).toEqual(['explain.crash', 'explain.exit.alwaysZero', 'explain.backoff.wait']);
    expect(m[2]!.params).toEqual({ seconds: 40 });
  });

  it('restarts sidecars even under Never, and fails the pod for a failed init under Never', () => {
    const never = pod('Never');
    expect(keys(explainFault('crash', { pod: never, container: c(never, 'log-agent') }))).toContain(
      'explain.exit.sidecar',
    );
    expect(
      keys(explainFault('oom-kill', { pod: never, container: c(never, 'init-html') })),
    ).toContain('explain.exit.initNever');
    expect(willRestart(never, c(never, 'log-agent'), 1)).toBe(true);
    expect(willRestart(never, c(never, 'web'), 1)).toBe(false);
    // ContainerRestartRules: a container's own restartPolicy wins over the pod's.
    expect(willRestart(never, { ...c(never, 'web'), restartPolicy: 'OnFailure' }, 1)).toBe(true);
    expect(willRestart(never, { ...c(never, 'web'), restartPolicy: 'OnFailure' }, 0)).toBe(false);
  });

  it('readiness never restarts; liveness under Never kills for good', () => {
    const never = pod('Never');
    expect(
      keys(
        explainFault('probe-failure', {
          pod: never,
          container: c(never, 'web'),
          probe: 'readiness',
        }),
      ),
    ).toEqual(['explain.probe.readiness']);
    expect(
      keys(
        explainFault('probe-failure', {
          pod: never,
          container: c(never, 'web'),
          probe: 'liveness',
        }),
      ),
    ).toEqual(['explain.probe.liveness', 'explain.probe.never']);
  });

  it('spells out the pull decision', () => {
    const p = pod('Always');
    expect(keys(explainFault('image-pull-error', { pod: p, container: c(p, 'web') }))[1]).toBe(
      'explain.pull.ifNotPresent',
    );
    expect(
      keys(explainFault('image-pull-error', { pod: p, container: c(p, 'log-agent') }))[1],
    ).toBe('explain.pull.always');
  });

  it('sandbox death reruns init, except Never after containers ran', () => {
    expect(keys(explainFault('kill-sandbox', { pod: pod('Always') }))).toEqual([
      'explain.sandbox.lead',
      'explain.sandbox.init',
    ]);
    expect(keys(explainFault('kill-sandbox', { pod: pod('Never') }))).toEqual([
      'explain.sandbox.never',
    ]);
  });

  it('a bare pod is not replaced', () => {
    expect(keys(explainFault('delete-pod', { pod: pod('Always') }))).toEqual([
      'explain.delete.lead',
      'explain.delete.bare',
    ]);
  });

  it('disables what cannot apply', () => {
    const p = pod('Always');
    expect(
      faultUnavailable('probe-failure', { pod: p, container: c(p, 'web'), probe: 'startup' })?.key,
    ).toBe('explain.na.noProbe');
    expect(faultUnavailable('crash', { pod: p, container: c(p, 'web') })?.key).toBe(
      'explain.na.notRunning',
    );
    expect(faultUnavailable('crash', { pod: p, container: c(p, 'log-agent') })).toBeUndefined();
  });

  it('every message it returns exists in both languages', async () => {
    await Promise.all([loadLocale('en'), loadLocale('zh-CN')]);
    const p = pod('Always');
    const all = [
      ...explainFault('crash', { pod: p, container: c(p, 'log-agent') }),
      ...explainFault('node-failure', { pod: p }),
      ...explainStatus('status', 'Init:CrashLoopBackOff', p).body,
    ];
    for (const m of all) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const text = translator(locale)(m.key, m.params);
        expect(text).not.toBe(m.key);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe('explainStatus', () => {
  it('explains kubectl STATUS values', () => {
    const p = pod('Always');
    expect(keys(explainStatus('status', 'Init:1/2', p).body)).toEqual(['explain.why.initProgress']);
    expect(keys(explainStatus('status', 'Init:1/2', p).gotchas)).toEqual([
      'explain.gotcha.sidecarInit',
    ]);
    expect(keys(explainStatus('status', 'Init:CrashLoopBackOff', p).body)).toEqual([
      'explain.why.crashLoop',
      'explain.why.whereInit',
    ]);
    expect(explainStatus('status', 'Init:CrashLoopBackOff', p).concept.key).toBe(
      'explain.concept.init',
    );
    expect(keys(explainStatus('status', 'Terminating', p).gotchas)).toContain(
      'explain.gotcha.pid1',
    );
    expect(keys(explainStatus('status', 'ImagePullBackOff').gotchas)).toContain(
      'explain.gotcha.latest',
    );
    expect(explainStatus('status', 'Init:ExitCode:3').body[0]!.key).toBe('explain.why.error');
    expect(explainStatus('status', 'PodInitializing').body[0]!.key).toBe(
      'explain.why.podInitializing',
    );
  });

  it('explains a container state for its kind', () => {
    expect(explainStatus('container', 'PodInitializing', undefined, 'sidecar').body[0]!.key).toBe(
      'explain.why.podInitializingInit',
    );
    expect(explainStatus('container', 'PodInitializing', undefined, 'app').body[0]!.key).toBe(
      'explain.why.podInitializingInit',
    );
    expect(explainStatus('status', 'PodInitializing').body[0]!.key).toBe(
      'explain.why.podInitializing',
    );
    expect(explainStatus('container', 'Running', undefined, 'app').body[0]!.key).toBe(
      'explain.why.runningContainer',
    );
    expect(explainStatus('container', 'CrashLoopBackOff', undefined, 'init').body[1]!.key).toBe(
      'explain.why.whereInit',
    );
  });

  it('says the other containers keep running only when there are others', () => {
    // web and the log-agent sidecar: there is another container that runs.
    const two = pod('Always');
    expect(keys(explainStatus('container', 'CrashLoopBackOff', two, 'app').body)).toContain(
      'explain.why.whereApp',
    );
    // The pod's only container (its init containers run to completion first).
    const p = podFixture();
    p.spec!.initContainers = p.spec!.initContainers!.filter((x) => x.restartPolicy !== 'Always');
    const one = buildPod(podInputFixture(p));
    const body = keys(explainStatus('container', 'CrashLoopBackOff', one, 'app').body);
    expect(body).toContain('explain.why.whereOnly');
    expect(body).not.toContain('explain.why.whereApp');
  });

  it('explains READY and RESTARTS', () => {
    const p = pod('Always');
    expect(explainStatus('ready', '1/2', p).body[0]).toEqual({
      key: 'explain.why.ready',
      params: { ready: '1', total: '2' },
    });
    expect(keys(explainStatus('ready', '1/2', p).gotchas)).toEqual(['explain.gotcha.readySidecar']);
    expect(explainStatus('restarts', '3 (15s ago)').body[0]!.params).toEqual({ count: '3' });
  });
});
