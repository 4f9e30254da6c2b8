/**
 * Generators and the checked runner of the engine fuzzer (public API only).
 * Random pods × random timed action schedules (valid and junk), each run to a
 * bounded simulated time with a budget of engine instants, the kubelet's
 * invariants checked after every instant.
 */
import fc from 'fast-check';
import { createSimulation, describePod, ManifestError, restoreSimulation } from '../index.ts';
import type { Action, Simulation } from '../index.ts';

const KNOWN = ['busybox:1.36', 'busybox', 'nginx:1.27', 'redis:7', 'alpine:3.20', 'python:3.12'];
const UNKNOWN = ['ghcr.io/acme/app:1.0', 'example.com/team/worker:2', 'nope-image:0.0.1'];

const word = fc.constantFrom('hi', 'ready', '$HOSTNAME', '"a b"', "'x'", '$((1+2))', '$(echo x)');
const simple = fc.oneof(
  word.map((w) => `echo ${w}`),
  fc.integer({ min: 0, max: 20 }).map((n) => `sleep ${n}`),
  fc.integer({ min: 0, max: 3 }).map((n) => `exit ${n}`),
  fc.constantFrom(
    'true',
    ':',
    'false',
    'cat /tmp/x',
    'touch /tmp/healthy',
    'echo x > /data/f',
    "trap 'exit 0' TERM",
    'sleep 3600 & wait',
    'nslookup svc',
    'wget -qO- localhost:80',
    'nc -z localhost 80',
    'i=$((i+1))',
    'ps',
    'date',
    'hostname',
  ),
);
const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'case x in',
    'f() { echo; }',
    'cat <<EOF',
    'if then fi',
    '"unclosed',
    '((',
    ';;',
    'done',
  ),
);
const stmt: fc.Arbitrary<string> = fc.letrec<{ s: string }>((tie) => ({
  s: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: simple },
    { weight: 1, arbitrary: junk },
    fc.tuple(tie('s'), tie('s')).map(([a, b]) => `${a}; ${b}`),
    fc.tuple(tie('s'), tie('s')).map(([a, b]) => `${a} && ${b}`),
    fc.tuple(tie('s'), tie('s')).map(([a, b]) => `${a} || ${b}`),
    fc.tuple(tie('s'), tie('s')).map(([a, b]) => `${a} | ${b}`),
    tie('s').map((a) => `while true; do ${a}; done`),
    tie('s').map((a) => `until false; do ${a}; done`),
    tie('s').map((a) => `for i in 1 2 3; do ${a}; done`),
    fc.tuple(tie('s'), tie('s')).map(([a, b]) => `if ${a}; then ${b}; else ${a}; fi`),
    tie('s').map((a) => `(${a})`),
    tie('s').map((a) => `{ ${a}; }`),
  ),
})).s;

const command = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 5, arbitrary: stmt.map((p) => ['sh', '-c', p]) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }).map((n) => ['sleep', String(n)]) },
  { weight: 1, arbitrary: fc.constant(['nginx', '-g', 'daemon off;']) },
);

/** What makes the API server refuse a pod (one per refused manifest). */
const CORRUPTIONS: Array<[string, unknown]> = [
  ['command', [1, 2]],
  ['command', ['sh', null]],
  ['command', 'sh -c x'],
  ['args', [{}]],
  ['image', ''],
  ['image', 'Busy Box'],
  ['imagePullPolicy', 'Sometimes'],
  ['volumeMounts', [{ name: 'undeclared', mountPath: '/data' }]],
  ['livenessProbe', { tcpSocket: { port: 80 }, periodSeconds: Number.NaN }],
  ['readinessProbe', { exec: { command: ['true'] }, failureThreshold: '5' }],
  ['startupProbe', { httpGet: { port: 80 }, initialDelaySeconds: -1 }],
  ['livenessProbe', { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 0 }],
  ['readinessProbe', { grpc: { port: 1 }, timeoutSeconds: 1.5 }],
  ['livenessProbe', {}],
];

const num = fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined });

const probe = fc.option(
  fc
    .record(
      {
        handler: fc.constantFrom('exec', 'tcp', 'http', 'grpc'),
        periodSeconds: num,
        failureThreshold: num,
        successThreshold: fc.constantFrom(undefined, 1, 2),
        initialDelaySeconds: num,
        timeoutSeconds: num,
        terminationGracePeriodSeconds: fc.constantFrom(undefined, 1, 5),
      },
      { requiredKeys: ['handler'] },
    )
    .map(({ handler, ...rest }) => {
      const h =
        handler === 'exec'
          ? { exec: { command: ['cat', '/tmp/healthy'] } }
          : handler === 'tcp'
            ? { tcpSocket: { port: 80 } }
            : handler === 'http'
              ? { httpGet: { path: '/', port: 80 } }
              : handler === 'grpc'
                ? { grpc: { port: 9000 } }
                : {};
      return { ...h, ...rest };
    }),
  { nil: undefined, freq: 3 },
);

const hook = fc.option(
  fc.oneof(
    stmt.map((p) => ({ exec: { command: ['sh', '-c', p] } })),
    fc.integer({ min: 0, max: 8 }).map((s) => ({ sleep: { seconds: s } })),
    fc.constant({ httpGet: { path: '/', port: 80 } }),
  ),
  { nil: undefined, freq: 4 },
);

export type Kind = 'init' | 'sidecar' | 'app';

/** Generated fields of one container, as the fuzzer and the invariant properties draw them. */
export interface ContainerFields {
  image: string;
  command?: readonly string[] | undefined;
  args?: readonly string[] | undefined;
  pull?: string | undefined;
  mount?: string | undefined;
  livenessProbe?: unknown;
  readinessProbe?: unknown;
  startupProbe?: unknown;
  postStart?: unknown;
  preStop?: unknown;
}

/** The container's spec: probes and hooks only where the API allows them (not on init containers). */
export function containerSpec(
  name: string,
  kind: Kind,
  c: ContainerFields,
): Record<string, unknown> {
  const out: Record<string, unknown> = { name, image: c.image };
  if (c.command !== undefined) out.command = c.command;
  if (c.args !== undefined) out.args = c.args;
  if (c.pull) out.imagePullPolicy = c.pull;
  if (kind === 'sidecar') out.restartPolicy = 'Always';
  if (c.mount) out.volumeMounts = [{ name: c.mount, mountPath: '/data' }];
  if (kind !== 'init') {
    if (c.livenessProbe) out.livenessProbe = c.livenessProbe;
    if (c.readinessProbe) out.readinessProbe = c.readinessProbe;
    if (c.startupProbe) out.startupProbe = c.startupProbe;
    if (c.postStart || c.preStop)
      out.lifecycle = {
        ...(c.postStart ? { postStart: c.postStart } : {}),
        ...(c.preStop ? { preStop: c.preStop } : {}),
      };
  }
  return out;
}

function container(name: string, kind: Kind, mounts: string[]) {
  return fc
    .record({
      image: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...KNOWN) },
        { weight: 2, arbitrary: fc.constantFrom(...UNKNOWN) },
      ),
      command,
      args: fc.option(fc.constantFrom(['x'], ['-c', 'echo hi']), { nil: undefined, freq: 6 }),
      pull: fc.constantFrom(undefined, 'Always', 'IfNotPresent', 'Never'),
      livenessProbe: probe,
      readinessProbe: probe,
      startupProbe: probe,
      postStart: hook,
      preStop: hook,
      mount: fc.option(fc.constantFrom(...mounts), { nil: undefined }),
    })
    .map((c) => containerSpec(name, kind, c));
}

const VOLUMES = [
  { name: 'data', emptyDir: {} },
  { name: 'cfg', configMap: { name: 'missing' } },
  { name: 'sec', secret: { secretName: 's' } },
  { name: 'host', hostPath: { path: '/var/log' } },
];

export const manifest = fc
  .record({
    inits: fc.integer({ min: 0, max: 6 }),
    sidecars: fc.integer({ min: 0, max: 3 }),
    apps: fc.integer({ min: 1, max: 10 }),
    order: fc.array(fc.nat(), { maxLength: 9 }),
    restartPolicy: fc.constantFrom(undefined, 'Always', 'OnFailure', 'Never'),
    grace: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    share: fc.boolean(),
    volumes: fc.subarray(VOLUMES, { minLength: 1 }),
    corrupt: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined, freq: 6 }),
  })
  .chain((m) => {
    const mounts = m.volumes.map((v) => v.name);
    const kinds: Kind[] = [
      ...Array.from({ length: m.inits }, () => 'init' as const),
      ...Array.from({ length: m.sidecars }, () => 'sidecar' as const),
    ];
    // Interleave init containers and sidecars.
    for (let i = 0; i < m.order.length && kinds.length > 1; i++) {
      const a = m.order[i]! % kinds.length;
      const b = (a + 1) % kinds.length;
      [kinds[a], kinds[b]] = [kinds[b]!, kinds[a]!];
    }
    return fc
      .record({
        initContainers: fc.tuple(...kinds.map((k, i) => container(`${k}${i}`, k, mounts))),
        containers: fc.tuple(
          ...Array.from({ length: m.apps }, (_, i) => container(`app${i}`, 'app', mounts)),
        ),
      })
      .map((cs) => {
        if (m.corrupt) {
          const all = [...cs.initContainers, ...cs.containers];
          const target = all[m.corrupt[0] % all.length]!;
          const [field, value] = CORRUPTIONS[m.corrupt[1] % CORRUPTIONS.length]!;
          target[field] = value;
        }
        return cs;
      })
      .map((cs) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: {
          ...(m.restartPolicy ? { restartPolicy: m.restartPolicy } : {}),
          ...(m.grace !== undefined ? { terminationGracePeriodSeconds: m.grace } : {}),
          shareProcessNamespace: m.share,
          ...(m.volumes.length ? { volumes: m.volumes } : {}),
          ...(cs.initContainers.length ? { initContainers: cs.initContainers } : {}),
          containers: cs.containers,
        },
      }));
  });

type Manifest = {
  spec: {
    restartPolicy?: string;
    containers: Array<{ name: string }>;
    initContainers?: Array<{ name: string; restartPolicy?: string }>;
  };
};

function action(names: string[]): fc.Arbitrary<unknown> {
  const name = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('ghost', undefined, {}, 7, '') },
  );
  const pod = fc.option(fc.constantFrom<unknown>('p', 'nope', {}, 3), { nil: undefined, freq: 4 });
  const probeKind = fc.constantFrom<unknown>(
    'liveness',
    'readiness',
    'startup',
    'bogus',
    undefined,
  );
  const duration = fc.option(
    fc.oneof(
      fc.integer({ min: 1000, max: 200_000 }),
      fc.constantFrom(-5, Number.NaN, Infinity, 'x'),
    ),
    { nil: undefined },
  );
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('crash'),
        container: name,
        pod,
        exitCode: fc.constantFrom<unknown>(undefined, 0, 1, 2, 255, -1, Number.NaN, 'x'),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('oom-kill'), container: name, pod }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('kill-sandbox'), pod }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('probe-failure'),
        container: name,
        probe: probeKind,
        durationMs: duration,
        pod,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('probe-recover'),
        container: name,
        probe: probeKind,
        pod,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('image-pull-error'),
        durationMs: duration,
        image: fc.constantFrom<unknown>(undefined, 'busybox:1.36', 3),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('delete-pod'),
        pod,
        gracePeriodSeconds: fc.constantFrom<unknown>(undefined, 0, 5, 30, -1, Number.NaN),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('node-failure'),
        node: fc.constantFrom<unknown>(undefined, undefined, 'node-9'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('node-recover'),
        node: fc.constantFrom<unknown>(undefined, 'node-9'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(null, 42, {}, { kind: 'foo' }, { kind: 7 }, 'crash'),
    },
  );
}

export interface Case {
  manifest: object;
  seed: number;
  horizonMs: number;
  actions: Array<{ atMs: number; action: unknown }>;
  cut: number;
}

export const scenario: fc.Arbitrary<Case> = manifest.chain((m) => {
  const s = (m as unknown as Manifest).spec;
  const names = [...(s.initContainers ?? []), ...s.containers].map((c) => c.name);
  return fc.integer({ min: 30_000, max: 400_000 }).chain((horizonMs) =>
    fc.record({
      manifest: fc.constant(m),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      horizonMs: fc.constant(horizonMs),
      actions: fc
        .array(fc.record({ atMs: fc.integer({ min: 0, max: horizonMs }), action: action(names) }), {
          maxLength: 8,
        })
        .map((a) => a.sort((x, y) => x.atMs - y.atMs)),
      cut: fc.integer({ min: 0, max: horizonMs }),
    }),
  );
});

/** Engine instants one run may take; a run that needs more is a hang. */
export const MAX_INSTANTS = 40_000;

export class Violation extends Error {}

function fail(msg: string): never {
  throw new Violation(msg);
}

/** A refusal must be a plain Error worded like the API server, and change nothing. */
function dispatchChecked(s: Simulation, action: unknown): void {
  const before = JSON.stringify(s.snapshot());
  try {
    s.dispatch(action as Action);
  } catch (e) {
    if (!(e instanceof Error) || e.constructor !== Error)
      fail(`dispatch(${JSON.stringify(action)}) threw ${String(e)}`);
    if (/undefined|\[object /.test(e.message))
      fail(`dispatch(${JSON.stringify(action)}) refused unclearly: ${e.message}`);
    if (JSON.stringify(s.snapshot()) !== before)
      fail(`dispatch(${JSON.stringify(action)}) refused (${e.message}) but changed the state`);
  }
}

const TERMINAL = new Set(['Succeeded', 'Failed']);

/** Watches one pod's history and fails on the first broken kubelet rule. */
class Observer {
  private restarts = new Map<string, number>();
  private terminal?: string;
  private seen = 0;
  constructor(
    private s: Simulation,
    private m: Manifest,
  ) {}

  check(afterStep: boolean): void {
    const s = this.s;
    const pod = s.pod();
    const phase = pod.status?.phase ?? '';
    for (const st of [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ]) {
      if (st.restartCount < (this.restarts.get(st.name) ?? 0))
        fail(`restartCount of ${st.name} went down to ${st.restartCount}`);
      this.restarts.set(st.name, st.restartCount);
    }
    const view = s.runtime();
    const sidecars = new Set(
      (this.m.spec.initContainers ?? [])
        .filter((c) => c.restartPolicy === 'Always')
        .map((c) => c.name),
    );
    const inits = view.containers.filter((c) => c.kind === 'init');
    if (inits.filter((c) => c.state === 'running').length > 1)
      fail('two init containers run at once');
    for (const e of s.eventsSince(this.seen)) {
      if (e.reason !== 'Started' || !e.fieldPath) continue;
      const name = /\{(.*)\}$/.exec(e.fieldPath)?.[1] ?? '';
      if (this.terminal) fail(`${name} started in a pod in phase ${this.terminal}`);
      const c = view.containers.find((x) => x.name === name);
      if (afterStep && c && c.state === 'running' && c.startedAtMs === s.nowMs) {
        if (!view.sandbox || view.sandbox.state !== 'ready' || c.sandboxId !== view.sandbox.id)
          fail(`${name} started while its sandbox was not ready`);
      }
      if (e.fieldPath.startsWith('spec.containers{') && afterStep) {
        for (const i of inits)
          if (!(i.state === 'exited' && i.lastExitCode === 0 && i.sandboxId === view.sandbox?.id))
            fail(`${name} started before init container ${i.name} succeeded`);
      }
    }
    this.seen = s.eventCount();
    if (this.terminal && phase !== this.terminal)
      fail(`phase went from ${this.terminal} to ${phase}`);
    if (TERMINAL.has(phase)) this.terminal = phase;
    void sidecars;
  }

  /** At the end: a container the policy restarts has not been left exited. */
  checkRestarts(): void {
    const s = this.s;
    const view = s.runtime();
    const pod = s.pod();
    if (view.deleting || view.deleted || TERMINAL.has(view.phase) || !view.sandbox) return;
    if (
      s
        .nodes()
        .some((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status !== 'True'))
    )
      return;
    const policy = pod.spec?.restartPolicy ?? 'Always';
    // computePodActions: a Never pod whose sandbox died after it ran gets no new sandbox.
    if (policy === 'Never' && view.sandbox.state !== 'ready') return;
    for (const c of view.containers) {
      if (
        c.state !== 'exited' ||
        c.finishedAtMs === undefined ||
        c.waitingReason?.includes('Image')
      )
        continue;
      if (c.kind === 'init' && c.lastExitCode === 0) continue;
      const must =
        c.kind === 'sidecar' ||
        policy === 'Always' ||
        (policy === 'OnFailure' && c.lastExitCode !== 0);
      if (c.kind === 'init' && policy === 'Never') continue;
      if (must && s.nowMs - c.finishedAtMs > 300_000 + 120_000)
        fail(
          `${c.name} exited at ${c.finishedAtMs} ms and was never restarted (now ${s.nowMs} ms)`,
        );
    }
  }
}

export type Mode = 'step' | 'advance';

/** The run's observable output, for byte-for-byte comparisons. */
export function outputOf(s: Simulation, m: Manifest): string {
  const names = [...(m.spec.initContainers ?? []), ...m.spec.containers].map((c) => c.name);
  return JSON.stringify([
    s.nowMs,
    s.events(),
    s.pods(),
    s.printRows(),
    s.runtime(),
    s.nextEventAtMs(),
    names.map((n) => [s.logs(n), s.logs(n, { previous: true })]),
  ]);
}

function printersHold(s: Simulation): void {
  const pod = s.pod();
  describePod(pod, s.events(), new Date(Date.UTC(2025, 0, 1) + s.nowMs));
}

/**
 * Runs a case from `sim` (already at `fromMs`), stepping instant by instant
 * (`step`) or jumping from action to action (`advance`).
 */
function drive(
  s: Simulation,
  c: Case,
  m: Manifest,
  mode: Mode,
  fromMs: number,
  untilMs: number,
  obs?: Observer,
): void {
  let instants = 0;
  const acts = c.actions.filter((a) => a.atMs >= fromMs && a.atMs < untilMs);
  const stepTo = (t: number) => {
    if (mode === 'advance') {
      s.advanceTo(Math.max(s.nowMs, t));
      obs?.check(false);
      return;
    }
    for (;;) {
      const next = s.nextEventAtMs();
      if (next === undefined || next > t) break;
      if (++instants > MAX_INSTANTS) fail(`hang: more than ${MAX_INSTANTS} engine instants`);
      s.step();
      obs?.check(true);
    }
    s.advanceTo(Math.max(s.nowMs, t));
  };
  for (const a of acts) {
    stepTo(a.atMs);
    dispatchChecked(s, a.action);
    obs?.check(false);
  }
  stepTo(untilMs);
  void m;
}

/** Every check for one case; throws a Violation (or the engine's own error) on failure. */
export function checkCase(c: Case): void {
  const m = c.manifest as Manifest;
  let s: Simulation;
  // The printer never throws, whatever the manifest.
  describePod(c.manifest as never, [], new Date(0));
  try {
    s = createSimulation({ manifest: c.manifest, seed: c.seed });
  } catch (e) {
    if (e instanceof ManifestError && !/undefined|\[object /.test(e.message)) return;
    throw e;
  }
  const obs = new Observer(s, m);
  obs.check(false);
  drive(s, c, m, 'step', 0, c.horizonMs, obs);
  printersHold(s);
  // Let the run go on alone: what the policy restarts, restarts.
  drive(s, { ...c, actions: [] }, m, 'step', c.horizonMs, c.horizonMs + 500_000, obs);
  obs.checkRestarts();
  // A bug in the behaviour model is swallowed as "could not read this container": still a bug.
  for (const rc of s.runtime().containers)
    if (rc.note?.includes('could not read')) fail(`${rc.name}: ${rc.note}`);
  const stepped = outputOf(s, m);

  const jumped = createSimulation({ manifest: c.manifest, seed: c.seed });
  drive(jumped, c, m, 'advance', 0, c.horizonMs + 500_000);
  if (outputOf(jumped, m) !== stepped) fail('step() and advanceTo() disagree');

  const again = createSimulation({ manifest: c.manifest, seed: c.seed });
  drive(again, c, m, 'advance', 0, c.cut);
  const restored = restoreSimulation(JSON.parse(JSON.stringify(again.snapshot())));
  drive(restored, c, m, 'advance', c.cut, c.horizonMs + 500_000);
  if (outputOf(restored, m) !== stepped) fail(`snapshot at ${c.cut} ms → restore diverges`);
}
