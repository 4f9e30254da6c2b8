/**
 * What the kubelet will do, and why a status reads as it does: pure rules from the pod spec
 * and Kubernetes' own (see reference/kubelet-semantics.md), returned as i18n keys with
 * parameters. Nothing here renders.
 */
import { containerShouldRestart, crashLoopWaitMs } from '../../engine/rules.ts';
import type { MessageKey, Params } from '../../i18n/index.ts';
import type { ContainerVM, PodVM } from '../anatomy/model.ts';

export interface Msg {
  key: MessageKey;
  params?: Params;
}

const msg = (key: MessageKey, params?: Params): Msg => (params ? { key, params } : { key });

/** The fault and action kinds Podscope can inject (the engine's `Action['kind']`). */
export type FaultKind =
  | 'crash'
  | 'oom-kill'
  | 'probe-failure'
  | 'probe-recover'
  | 'image-pull-error'
  | 'kill-sandbox'
  | 'delete-pod'
  | 'node-failure'
  | 'node-recover'
  | 'create-service'
  | 'delete-service';

export type ProbeType = 'liveness' | 'readiness' | 'startup';

/** Seconds of back-off before the restart that follows the next exit. */
export function nextBackOffSeconds(restartCount: number): number {
  return crashLoopWaitMs(restartCount) / 1000;
}

function backOff(c: ContainerVM): Msg {
  const s = nextBackOffSeconds(c.restartCount);
  return s === 0 ? msg('explain.backoff.now') : msg('explain.backoff.wait', { seconds: s });
}

/** Whether the kubelet restarts `c` after it exits with `exitCode` (pod not being deleted). */
export function willRestart(pod: PodVM, c: ContainerVM, exitCode: number): boolean {
  if (pod.deleting) return false;
  // A regular init container that succeeded is done; it is never run again.
  if (c.kind === 'init' && exitCode === 0) return false;
  // The kubelet's own rule: the container's restartPolicy (sidecars: Always) wins over the pod's.
  return containerShouldRestart(
    { name: c.name, ...(c.restartPolicy ? { restartPolicy: c.restartPolicy } : {}) },
    { spec: { restartPolicy: pod.restartPolicy, containers: [] } },
    exitCode,
  );
}

/** What happens when `c` exits with `exitCode` (crash, OOM kill). */
function afterExit(pod: PodVM, c: ContainerVM, exitCode: number): Msg[] {
  const policy = pod.restartPolicy;
  if (pod.deleting) return [msg('explain.exit.deleting')];
  if (c.kind === 'sidecar') return [msg('explain.exit.sidecar', { policy }), backOff(c)];
  if (c.kind === 'init') {
    if (exitCode === 0) return [msg('explain.exit.initZero')];
    if (policy === 'Never') return [msg('explain.exit.initNever')];
    return [msg('explain.exit.initRetry', { policy }), backOff(c)];
  }
  if (policy === 'Never') return [msg('explain.exit.never')];
  if (policy === 'OnFailure' && exitCode === 0) return [msg('explain.exit.onFailureZero')];
  if (policy === 'Always' && exitCode === 0) return [msg('explain.exit.alwaysZero'), backOff(c)];
  return [msg('explain.exit.restart', { policy }), backOff(c)];
}

export interface FaultContext {
  pod: PodVM;
  container?: ContainerVM;
  probe?: ProbeType;
  exitCode?: number;
  nodeName?: string;
}

/** Whether a container fault applies at all, and if not, why (the menu disables it). */
export function faultUnavailable(kind: FaultKind, ctx: FaultContext): Msg | undefined {
  const c = ctx.container;
  if (ctx.pod.gone) return msg('explain.na.gone');
  if (!c) return undefined;
  if ((kind === 'crash' || kind === 'oom-kill') && c.state !== 'running')
    return msg('explain.na.notRunning', { name: c.name });
  if (kind === 'probe-failure' && ctx.probe && !c.probes.some((p) => p.kind === ctx.probe))
    return msg('explain.na.noProbe', { name: c.name, probe: `${ctx.probe}Probe` });
  return undefined;
}

/** One line (or two) on what the kubelet will do after this fault, and why. */
export function explainFault(kind: FaultKind, ctx: FaultContext): Msg[] {
  const { pod, container: c } = ctx;
  switch (kind) {
    case 'crash': {
      if (!c) return [];
      const code = ctx.exitCode ?? 1;
      return [msg('explain.crash', { name: c.name, code }), ...afterExit(pod, c, code)];
    }
    case 'oom-kill':
      if (!c) return [];
      return [msg('explain.oom', { name: c.name }), ...afterExit(pod, c, 137)];
    case 'probe-failure': {
      if (!c) return [];
      if (ctx.probe === 'readiness') return [msg('explain.probe.readiness', { name: c.name })];
      const lead =
        ctx.probe === 'startup'
          ? msg('explain.probe.startup', { name: c.name })
          : msg('explain.probe.liveness', { name: c.name, grace: pod.graceSeconds });
      if (c.kind === 'sidecar')
        return [lead, msg('explain.exit.sidecar', { policy: pod.restartPolicy })];
      if (pod.restartPolicy === 'Never') return [lead, msg('explain.probe.never')];
      return [lead, msg('explain.exit.restart', { policy: pod.restartPolicy }), backOff(c)];
    }
    case 'probe-recover':
      return c ? [msg('explain.probe.recover', { name: c.name })] : [];
    case 'image-pull-error': {
      if (!c) return [msg('explain.pull.any')];
      const node = pod.nodeName || 'node';
      const lead = msg('explain.pull.lead', { image: c.image });
      if (c.pullPolicy === 'Never') return [lead, msg('explain.pull.never')];
      if (c.pullPolicy === 'IfNotPresent' && c.pull?.presentOnNode !== false)
        return [lead, msg('explain.pull.ifNotPresent', { node })];
      return [lead, msg('explain.pull.always')];
    }
    case 'kill-sandbox': {
      const ran = pod.containers.some((x) => x.state !== 'none' || x.restartCount > 0);
      if (pod.restartPolicy === 'Never' && ran) return [msg('explain.sandbox.never')];
      const hasInit = pod.containers.some((x) => x.kind !== 'app');
      return [
        msg('explain.sandbox.lead', { attempt: pod.sandbox.attempt + 1 }),
        hasInit ? msg('explain.sandbox.init') : msg('explain.sandbox.noInit'),
      ];
    }
    case 'delete-pod':
      return [
        msg('explain.delete.lead', { grace: pod.graceSeconds }),
        pod.owner ? msg('explain.delete.owned', { owner: pod.owner }) : msg('explain.delete.bare'),
      ];
    case 'node-failure':
      return [
        msg('explain.node.fail', { node: ctx.nodeName ?? pod.nodeName }),
        pod.owner ? msg('explain.delete.owned', { owner: pod.owner }) : msg('explain.node.bare'),
      ];
    case 'node-recover':
      return [msg('explain.node.recover', { node: ctx.nodeName ?? pod.nodeName })];
    case 'create-service':
      return [msg('explain.service.create')];
    case 'delete-service':
      return [msg('explain.service.delete')];
  }
}

// ---------------------------------------------------------------------------
// Why this status?
// ---------------------------------------------------------------------------

export type StatusColumn = 'status' | 'ready' | 'restarts' | 'container';

export interface StatusExplanation {
  /** The rule in plain words. */
  body: Msg[];
  /** The Kubernetes concept it comes from, and where the docs explain it. */
  concept: Msg;
  doc: string;
  gotchas: Msg[];
}

const DOC = {
  phase: 'concepts/workloads/pods/pod-lifecycle/#pod-phase',
  states: 'concepts/workloads/pods/pod-lifecycle/#container-states',
  restart: 'concepts/workloads/pods/pod-lifecycle/#restart-policy',
  init: 'concepts/workloads/pods/init-containers/',
  sidecar: 'concepts/workloads/pods/sidecar-containers/',
  images: 'concepts/containers/images/#image-pull-policy',
  probes: 'concepts/workloads/pods/pod-lifecycle/#container-probes',
  termination: 'concepts/workloads/pods/pod-lifecycle/#pod-termination',
  conditions: 'concepts/workloads/pods/pod-lifecycle/#pod-conditions',
} as const;

/** The kubernetes.io page for a doc path, in the reader's language. */
export function docUrl(path: string, locale: string): string {
  return `https://kubernetes.io/${locale.startsWith('zh') ? 'zh-cn/' : ''}docs/${path}`;
}

function reasonBody(reason: string, ctx: { pod?: PodVM; init?: boolean }): StatusExplanation {
  const gotchas: Msg[] = [];
  const pod = ctx.pod;
  // "The other containers keep running" only when there are others that run (apps, sidecars).
  const running = pod?.containers.filter((c) => c.kind !== 'init').length ?? 2;
  const where = ctx.init
    ? msg('explain.why.whereInit')
    : running > 1
      ? msg('explain.why.whereApp')
      : msg('explain.why.whereOnly');
  switch (reason) {
    case 'CrashLoopBackOff':
      gotchas.push(msg('explain.gotcha.exitZeroLoops'), msg('explain.gotcha.firstRestart'));
      if (ctx.init) gotchas.push(msg('explain.gotcha.restartsInit'));
      return {
        body: [msg('explain.why.crashLoop', { policy: pod?.restartPolicy ?? 'Always' }), where],
        concept: msg('explain.concept.restart'),
        doc: DOC.restart,
        gotchas,
      };
    case 'Error':
    case 'OOMKilled':
    case 'StartError':
    case 'ContainerStatusUnknown':
      if (reason === 'OOMKilled') gotchas.push(msg('explain.gotcha.oom'));
      return {
        body: [
          msg(reason === 'OOMKilled' ? 'explain.why.oomKilled' : 'explain.why.error', { reason }),
          ctx.init ? msg('explain.why.errorInit') : msg('explain.why.errorApp'),
        ],
        concept: msg('explain.concept.states'),
        doc: DOC.states,
        gotchas,
      };
    case 'Completed':
      return {
        body: [msg('explain.why.completed')],
        concept: msg('explain.concept.states'),
        doc: DOC.states,
        gotchas: [msg('explain.gotcha.exitZeroLoops')],
      };
    case 'ErrImagePull':
    case 'ImagePullBackOff':
    case 'ErrImageNeverPull':
    case 'InvalidImageName':
      return {
        body: [
          msg(reason === 'ErrImageNeverPull' ? 'explain.why.neverPull' : 'explain.why.pull', {
            reason,
          }),
        ],
        concept: msg('explain.concept.images'),
        doc: DOC.images,
        gotchas: [msg('explain.gotcha.latest'), msg('explain.gotcha.lazyPull')],
      };
    case 'PodInitializing':
      return {
        body: [msg(ctx.init ? 'explain.why.podInitializingInit' : 'explain.why.podInitializing')],
        concept: msg('explain.concept.init'),
        doc: DOC.init,
        gotchas: [],
      };
    case 'ContainerCreating':
      return {
        body: [msg('explain.why.creating')],
        concept: msg('explain.concept.states'),
        doc: DOC.states,
        gotchas: [msg('explain.gotcha.noPulling')],
      };
    case 'Running':
      return {
        body: [
          msg(ctx.init === undefined ? 'explain.why.runningContainer' : 'explain.why.running'),
        ],
        concept: msg('explain.concept.phase'),
        doc: DOC.phase,
        gotchas: [msg('explain.gotcha.runningNotReady')],
      };
    default:
      return {
        body: [msg('explain.why.other', { reason })],
        concept: msg('explain.concept.states'),
        doc: DOC.states,
        gotchas: [],
      };
  }
}

/**
 * Why kubectl prints `value` in `column` (STATUS, READY, RESTARTS) or why a container's state
 * reads `value` (column 'container'), with the pod for context when known.
 */
export function explainStatus(
  column: StatusColumn,
  value: string,
  pod?: PodVM,
  containerKind?: 'init' | 'sidecar' | 'app',
): StatusExplanation {
  const sidecars = pod?.containers.filter((c) => c.kind === 'sidecar').length ?? 0;
  if (column === 'ready') {
    const [ready = '0', total = '0'] = value.split('/');
    return {
      body: [msg('explain.why.ready', { ready, total })],
      concept: msg('explain.concept.conditions'),
      doc: DOC.conditions,
      gotchas: sidecars
        ? [msg('explain.gotcha.readySidecar')]
        : [msg('explain.gotcha.runningNotReady')],
    };
  }
  if (column === 'restarts') {
    return {
      body: [msg('explain.why.restarts', { count: value.split(' ')[0] ?? value })],
      concept: msg('explain.concept.restart'),
      doc: DOC.restart,
      gotchas: [msg('explain.gotcha.restartsInit'), msg('explain.gotcha.firstRestart')],
    };
  }
  if (column === 'container') {
    const r = reasonBody(value, {
      pod,
      init: containerKind === undefined ? undefined : containerKind !== 'app',
    });
    // A running container: what "Running" means for the container, not the pod phase.
    if (value === 'Running') return { ...r, body: [msg('explain.why.runningContainer')] };
    // Any container of a pod with init containers waits with this reason until it starts.
    if (value === 'PodInitializing')
      return { ...r, body: [msg('explain.why.podInitializingInit')] };
    return r;
  }
  const init = /^Init:(\d+)\/(\d+)$/.exec(value);
  if (init) {
    return {
      body: [msg('explain.why.initProgress', { done: init[1]!, total: init[2]! })],
      concept: msg('explain.concept.init'),
      doc: DOC.init,
      gotchas: sidecars ? [msg('explain.gotcha.sidecarInit')] : [],
    };
  }
  if (value.startsWith('Init:')) {
    const inner = value.slice(5);
    const r = reasonBody(
      inner.startsWith('ExitCode:') || inner.startsWith('Signal:') ? 'Error' : inner,
      {
        pod,
        init: true,
      },
    );
    return {
      ...r,
      concept: msg('explain.concept.init'),
      doc: r.doc === DOC.states ? DOC.init : r.doc,
    };
  }
  switch (value) {
    case 'Pending':
      return {
        body: [msg('explain.why.pending')],
        concept: msg('explain.concept.phase'),
        doc: DOC.phase,
        gotchas: [],
      };
    case 'Succeeded':
    case 'Failed':
      return {
        body: [msg(value === 'Failed' ? 'explain.why.failed' : 'explain.why.succeeded')],
        concept: msg('explain.concept.phase'),
        doc: DOC.phase,
        gotchas: [],
      };
    case 'Terminating':
      return {
        body: [msg('explain.why.terminating', { grace: pod?.graceSeconds ?? 30 })],
        concept: msg('explain.concept.termination'),
        doc: DOC.termination,
        gotchas: [
          msg('explain.gotcha.pid1'),
          ...(sidecars ? [msg('explain.gotcha.sidecarStop')] : []),
        ],
      };
    case 'Unknown':
      return {
        body: [msg('explain.why.unknown')],
        concept: msg('explain.concept.phase'),
        doc: DOC.phase,
        gotchas: [],
      };
    case 'NotReady':
      return {
        body: [msg('explain.why.notReady')],
        concept: msg('explain.concept.conditions'),
        doc: DOC.conditions,
        gotchas: [],
      };
    default:
      return reasonBody(
        value.startsWith('ExitCode:') || value.startsWith('Signal:') ? 'Error' : value,
        {
          pod,
          init: false,
        },
      );
  }
}
