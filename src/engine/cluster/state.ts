/**
 * The cluster's part of the simulation state: plain data only (it lives in
 * `SimState.cluster` and is deep-copied by snapshots).
 */
import type { ServiceRegistry } from './services.ts';

/** apps/v1 objects, kept as the API stores them (kubernetes-types shapes, loosely typed). */
export type ApiObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace: string;
    uid: string;
    creationTimestamp: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    generation?: number;
    ownerReferences?: OwnerReference[];
  };
};

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ReplicaSetState {
  name: string;
  uid: string;
  createdAtMs: number;
  /** The owning Deployment's name, if any. */
  deployment?: string;
  replicas: number;
  minReadySeconds: number;
  selector: Record<string, string>;
  /** spec.template (PodTemplateSpec), defaulted. */
  template: Record<string, unknown>;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  generation: number;
}

export interface DeploymentState {
  name: string;
  uid: string;
  createdAtMs: number;
  replicas: number;
  minReadySeconds: number;
  selector: Record<string, string>;
  template: Record<string, unknown>;
  labels: Record<string, string>;
  strategy: {
    type: 'RollingUpdate' | 'Recreate';
    maxSurge?: number | string;
    maxUnavailable?: number | string;
  };
  revisionHistoryLimit: number;
  progressDeadlineSeconds: number;
  generation: number;
  /** Condition transitions (type → { status, reason, message, atMs, updatedAtMs }). */
  conditions: Record<
    string,
    { status: string; reason: string; message: string; atMs: number; updatedAtMs: number }
  >;
}

export interface ClusterNode {
  capacity: { cpu: string; memory: string; pods: string };
  allocatable: { cpu: string; memory: string; pods: string };
  labels: Record<string, string>;
  memoryPressure: boolean;
  /** Invalidates a pending pressure-end job. */
  pressureToken: number;
  /** Condition type → last transition (ms). */
  transitions: Record<string, number>;
}

export interface ClusterState {
  replicaSets: Record<string, ReplicaSetState>;
  rsOrder: string[];
  deployments: Record<string, DeploymentState>;
  deploymentOrder: string[];
  services: ServiceRegistry;
  nodes: Record<string, ClusterNode>;
  /** A controller sync is scheduled at this instant. */
  syncAtMs?: number;
  /** What the controllers saw at their last look (to notice changes). */
  lastSignature: string;
  /** Pods the scheduler could not place (retried on cluster changes and every 5 min). */
  unschedulable: string[];
  /** Instant of the pending unschedulable-queue flush, if any. */
  retryAtMs?: number;
  /** Pods bound to nodes and not finished, at the last look (a drop frees room). */
  lastBound?: number;
  nextUid: number;
}

/** Jobs the cluster schedules on the simulation's clock. */
export type ClusterJob =
  | { kind: 'cluster-sync' }
  | { kind: 'cluster-retry' }
  | { kind: 'cluster-pressure-end'; node: string; token: number };
