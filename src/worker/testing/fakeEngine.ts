/**
 * A small deterministic stand-in for the engine, for the host's own tests: one
 * pod whose containers pull, run, optionally exit after `exitAfterMs`, and restart
 * with a doubling back-off. All state is plain data, so snapshots are clones.
 */
import type { EngineApi, EngineRow, SimLike } from '../engine.ts';
import type { Action, PodRuntimeView, SimEvent, V1Pod } from '../protocol.ts';

interface FakeContainer {
  name: string;
  exitAfterMs?: number;
  state: 'pulling' | 'running' | 'terminated' | 'backoff';
  sinceMs: number;
  nextAtMs: number | undefined;
  restartCount: number;
  backOffMs: number;
  exitCode?: number;
  lines: string[];
  previous: string[];
}

interface FakeState {
  nowMs: number;
  seed: number;
  pod: string;
  containers: FakeContainer[];
  events: SimEvent[];
  deleted: boolean;
}

export interface FakeManifest {
  name?: string;
  containers: { name: string; exitAfterMs?: number }[];
  /** Throw from `advance` once time passes this (to test engine errors). */
  explodeAtMs?: number;
}

class FakeSim implements SimLike {
  constructor(
    private s: FakeState,
    private explodeAtMs?: number,
  ) {}

  get nowMs() {
    return this.s.nowMs;
  }

  nextEventAtMs() {
    let next: number | undefined;
    for (const c of this.s.containers)
      if (c.nextAtMs !== undefined && (next === undefined || c.nextAtMs < next)) next = c.nextAtMs;
    return next;
  }

  advance(ms: number) {
    if (!(ms >= 0)) throw new RangeError('advance needs ms ≥ 0');
    const target = this.s.nowMs + ms;
    if (this.explodeAtMs !== undefined && target >= this.explodeAtMs)
      throw new Error('fake engine exploded');
    for (;;) {
      const at = this.nextEventAtMs();
      if (at === undefined || at > target) break;
      this.s.nowMs = at;
      for (const c of this.s.containers) if (c.nextAtMs === at) this.fire(c);
    }
    this.s.nowMs = target;
  }

  private event(reason: string, c: FakeContainer, type: 'Normal' | 'Warning' = 'Normal') {
    this.s.events.push({
      atMs: this.s.nowMs,
      type,
      reason,
      message: `${reason} ${c.name}`,
      fieldPath: `spec.containers{${c.name}}`,
    });
  }

  private start(c: FakeContainer) {
    c.state = 'running';
    c.sinceMs = this.s.nowMs;
    c.exitCode = undefined;
    c.lines = [`${c.name} started at ${this.s.nowMs}`];
    c.nextAtMs = c.exitAfterMs !== undefined ? this.s.nowMs + c.exitAfterMs : undefined;
    this.event('Started', c);
  }

  private terminate(c: FakeContainer, exitCode: number) {
    c.state = 'terminated';
    c.exitCode = exitCode;
    c.sinceMs = this.s.nowMs;
    c.nextAtMs = this.s.deleted ? undefined : this.s.nowMs + 1000 + (this.s.seed % 7);
    this.event('Killing', c);
  }

  private fire(c: FakeContainer) {
    switch (c.state) {
      case 'pulling':
        this.event('Pulled', c);
        this.start(c);
        break;
      case 'running':
        c.lines.push(`${c.name} exiting`);
        this.terminate(c, 1);
        break;
      case 'terminated':
        c.previous = c.lines;
        c.lines = [];
        c.restartCount++;
        c.state = 'backoff';
        c.sinceMs = this.s.nowMs;
        c.nextAtMs = this.s.nowMs + c.backOffMs;
        c.backOffMs = Math.min(c.backOffMs * 2, 300_000);
        this.event('BackOff', c, 'Warning');
        break;
      case 'backoff':
        this.start(c);
        break;
    }
  }

  dispatch(action: Action) {
    if (action.kind === 'crash' || action.kind === 'oom-kill') {
      const c = this.s.containers.find((x) => x.name === action.container);
      if (!c) throw new Error(`no container ${action.container}`);
      if (c.state !== 'running') return;
      this.terminate(c, action.kind === 'oom-kill' ? 137 : (action.exitCode ?? 1));
    } else if (action.kind === 'delete-pod') {
      this.s.deleted = true;
      for (const c of this.s.containers) {
        if (c.state === 'running') this.terminate(c, 143);
        c.nextAtMs = undefined;
      }
    } else throw new Error(`fake engine: unsupported action ${action.kind}`);
  }

  pods(): V1Pod[] {
    return [
      {
        metadata: { name: this.s.pod },
        spec: { containers: this.s.containers.map((c) => ({ name: c.name, image: 'busybox' })) },
        status: {
          phase: 'Running',
          containerStatuses: this.s.containers.map((c) => ({
            name: c.name,
            image: 'busybox',
            imageID: '',
            ready: c.state === 'running',
            restartCount: c.restartCount,
            state:
              c.state === 'running'
                ? { running: {} }
                : c.state === 'terminated'
                  ? {
                      terminated: {
                        exitCode: c.exitCode ?? 0,
                        reason: c.exitCode === 137 ? 'OOMKilled' : 'Error',
                      },
                    }
                  : {
                      waiting: {
                        reason: c.state === 'backoff' ? 'CrashLoopBackOff' : 'ContainerCreating',
                      },
                    },
          })),
        },
      },
    ];
  }

  events() {
    return this.s.events;
  }

  logs(container: string, opts?: { pod?: string; previous?: boolean }) {
    const c = this.s.containers.find((x) => x.name === container);
    if (!c) throw new Error(`no container ${container}`);
    return [...(opts?.previous ? c.previous : c.lines)];
  }

  snapshot() {
    return structuredClone({ s: this.s, explodeAtMs: this.explodeAtMs });
  }

  runtime(): PodRuntimeView {
    return {
      pod: this.s.pod,
      node: 'node-1',
      phase: 'Running',
      deleting: this.s.deleted,
      deleted: false,
      sandbox: { id: 'sb-1', attempt: 0, ip: '10.244.1.5', state: 'ready' },
      containers: this.s.containers.map((c, index) => ({
        name: c.name,
        kind: 'app',
        index,
        image: 'busybox',
        state: c.state === 'running' ? 'running' : c.state === 'pulling' ? 'none' : 'exited',
        activity: c.state === 'pulling' ? 'pulling' : c.state === 'running' ? 'running' : 'exited',
        restartCount: c.restartCount,
        pull: { policy: 'IfNotPresent', presentOnNode: false, willPull: true },
        ...(c.state === 'backoff' ? { backOffUntilMs: c.nextAtMs } : {}),
        ready: c.state === 'running',
        started: c.state === 'running',
        probes: [],
        ports: [],
      })),
      volumes: [],
      namespaces: {
        network: { hostNetwork: false, ports: [] },
        uts: { hostname: this.s.pod },
        ipc: { host: false },
        pid: { shared: false, host: false },
      },
    };
  }

  nodes() {
    return [{ metadata: { name: 'node-1' } }];
  }

  printRows(): EngineRow[] {
    const ready = this.s.containers.filter((c) => c.state === 'running').length;
    const restarts = this.s.containers.reduce((n, c) => n + c.restartCount, 0);
    return [
      {
        name: this.s.pod,
        ready: `${ready}/${this.s.containers.length}`,
        status: this.s.deleted ? 'Terminating' : 'Running',
        restarts: String(restarts),
        age: `${Math.floor(this.s.nowMs / 1000)}s`,
      },
    ];
  }
}

export const fakeEngine: EngineApi = {
  create({ manifest, seed = 1 }) {
    const raw = (typeof manifest === 'string' ? JSON.parse(manifest) : manifest) as FakeManifest & {
      metadata?: { name?: string };
      spec?: { containers?: FakeManifest['containers'] };
    };
    const m: FakeManifest = {
      ...raw,
      name: raw.name ?? raw.metadata?.name,
      containers: raw.containers ?? raw.spec?.containers ?? [],
    };
    if (!m || !Array.isArray(m.containers) || m.containers.length === 0)
      throw Object.assign(new Error('invalid manifest: spec.containers: Required value'), {
        errors: [{ field: 'spec.containers', message: 'Required value' }],
      });
    const s: FakeState = {
      nowMs: 0,
      seed,
      pod: m.name ?? 'demo',
      deleted: false,
      events: [{ atMs: 0, type: 'Normal', reason: 'Scheduled', message: 'assigned to node-1' }],
      containers: m.containers.map((c, i) => ({
        name: c.name,
        exitAfterMs: c.exitAfterMs,
        state: 'pulling',
        sinceMs: 0,
        nextAtMs: 500 + i * 250 + (seed % 13) * 10,
        restartCount: 0,
        backOffMs: 10_000,
        lines: [],
        previous: [],
      })),
    };
    return new FakeSim(s, m.explodeAtMs);
  },
  restore(snapshot) {
    const { s, explodeAtMs } = structuredClone(snapshot) as {
      s: FakeState;
      explodeAtMs?: number;
    };
    return new FakeSim(s, explodeAtMs);
  },
};
