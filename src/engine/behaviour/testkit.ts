/**
 * Test helpers: build a pod system from a small manifest and drive it like
 * the simulation would (start containers, advance time, collect exits).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import {
  advance,
  createPodSystem,
  startContainer,
  startSandbox,
  takeOccurrences,
} from './system.ts';
import type { BehaviourCtx, ClusterLookup, Occurrence, PodSystem, ServiceInfo } from './types.ts';

export interface Harness {
  sys: PodSystem;
  now: number;
  occ: Occurrence[];
  cluster: ClusterLookup & { svcs: Map<string, ServiceInfo> };
  ctx(): BehaviourCtx;
  start(name: string): ReturnType<typeof startContainer>;
  run(ms: number): Occurrence[];
  exits(name?: string): Array<Extract<Occurrence, { kind: 'container-exit' }>>;
  addService(name: string, port?: number): void;
}

export function harness(
  pod: Pod | { metadata?: Pod['metadata']; spec: Pod['spec'] },
  withCluster = true,
): Harness {
  const svcs = new Map<string, ServiceInfo>();
  const cluster: Harness['cluster'] = {
    svcs,
    service: (name, ns) => svcs.get(`${ns}/${name}`),
    services: (ns) => [...svcs.values()].filter((s) => s.namespace === ns),
  };
  const h: Harness = {
    sys: undefined as unknown as PodSystem,
    now: 0,
    occ: [],
    cluster,
    ctx: () => ({ nowMs: h.now, cluster: withCluster ? cluster : undefined }),
    start(name) {
      const r = startContainer(h.sys, name, h.ctx());
      h.occ.push(...takeOccurrences(h.sys));
      return r;
    },
    run(ms) {
      h.now += ms;
      const o = advance(h.sys, h.now, h.ctx());
      h.occ.push(...o);
      return o;
    },
    exits(name) {
      return h.occ.filter(
        (o): o is Extract<Occurrence, { kind: 'container-exit' }> =>
          o.kind === 'container-exit' && (name === undefined || o.container === name),
      );
    },
    addService(name, port = 80) {
      svcs.set(`default/${name}`, {
        name,
        namespace: 'default',
        clusterIP: `10.96.${svcs.size + 10}.${svcs.size + 20}`,
        ports: [{ port }],
      });
    },
  };
  h.sys = createPodSystem(pod as Pod, { podIP: '10.244.1.7', nodeName: 'node-1' }, h.ctx());
  startSandbox(h.sys, 0, '10.244.1.7', h.ctx());
  return h;
}
