/**
 * Actions the cluster adds to the simulation's `Action` union.
 *
 * - `set-image`: `kubectl set image TARGET CONTAINER=IMAGE`. TARGET is
 *   `deployment/NAME`, `replicaset/NAME`, `pod/NAME` or a bare pod name. A
 *   Deployment rolls out a new ReplicaSet; a ReplicaSet only uses the new
 *   template for pods it creates from now on; a bare pod's container image is
 *   mutable in place — the kubelet sees the container's spec hash change and
 *   restarts that container (a completed init container is not re-run).
 * - `scale`: `kubectl scale TARGET --replicas=N` for a Deployment or ReplicaSet.
 * - `apply`: `kubectl apply -f` of more documents: new objects are created,
 *   existing Deployments / ReplicaSets take the new spec (replicas, template),
 *   existing pods take new container images (the only pod fields the test
 *   manifests change).
 * - `node-memory-pressure`: the node's `memory.available` falls under the
 *   kubelet's hard threshold (100Mi): the kubelet evicts one pod (the named
 *   one, or the first in its ranking), the node reports MemoryPressure for
 *   the eviction-pressure-transition-period (5 min).
 */
export type ClusterAction =
  | { kind: 'set-image'; target: string; container: string; image: string }
  | { kind: 'scale'; target: string; replicas: number }
  | { kind: 'apply'; manifest: string | object }
  | { kind: 'node-memory-pressure'; node?: string; pod?: string };
