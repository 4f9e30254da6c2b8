/**
 * The typed, versioned protocol between the page and the simulation host.
 * The same messages travel over a Web Worker and over the same-thread
 * fallback, so both behave identically.
 *
 * Every message is wrapped in an `Envelope` `{ v, msg }`; a host answers an
 * envelope of another version with an `error` of code `version`.
 *
 * Time is always simulated integer milliseconds since the manifest was applied
 * (`…Ms`). Kubernetes time (ages, back-off countdowns) is simulated time, so it
 * stays true at any playback speed.
 */
import type { Node as V1Node, Pod as V1Pod } from 'kubernetes-types/core/v1';
import type { Action, PodRuntimeView, Run, SimEvent, TimedAction } from './engineTypes.ts';

export type { Action, PodRuntimeView, Run, SimEvent, TimedAction, V1Node, V1Pod };

export const PROTOCOL_VERSION = 1 as const;

export const MIN_SPEED = 0.25;
export const MAX_SPEED = 100;

// ---------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------

// A run — `Run` / `TimedAction` — is the engine's own type (engine/run): the unit
// of share links, lesson steps and tests, replayed everywhere by `playRun`.

// ---------------------------------------------------------------------------
// Page → host: imperative camelCase
// ---------------------------------------------------------------------------

export type Command =
  /**
   * Replaces the simulation. Paused at `atMs` (default 0) unless `autoplay`.
   * The run's actions are the recorded future: they re-apply as time passes them.
   * A bad manifest answers `error` (code `manifest`) and changes nothing.
   */
  | { type: 'load'; run: Run; autoplay?: boolean; atMs?: number; speed?: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** Pauses and advances to the next scheduled instant of the engine (one event). */
  | { type: 'step' }
  /** Pauses and advances until a new `SimEvent` is recorded (or state changes). */
  | { type: 'nextEvent' }
  /** Clamped to MIN_SPEED…MAX_SPEED. */
  | { type: 'setSpeed'; speed: number }
  /** Any ms ≥ 0. Back: restore a checkpoint and replay (instant). Forward: advance. */
  | { type: 'seek'; ms: number }
  /**
   * Applies an action now. If later actions were recorded (after a seek back),
   * they are discarded: the action forks a new future. A refused action answers
   * `error` (code `action`) and changes nothing.
   */
  | { type: 'dispatch'; action: Action }
  /** Starts the same manifest and seed again from 0, with no actions. */
  | { type: 'reset' };

// ---------------------------------------------------------------------------
// Host → page: nouns
// ---------------------------------------------------------------------------

export type HostMessage =
  { type: 'ready'; version: typeof PROTOCOL_VERSION } | { type: 'frame'; frame: Frame } | HostError;

export type HostErrorCode =
  /** The message was not a valid command; nothing changed. */
  | 'bad-command'
  /** The envelope's protocol version differs; nothing changed. */
  | 'version'
  /** `load`: the manifest is invalid; the previous run is kept. `errors` holds field errors. */
  | 'manifest'
  /** `dispatch`: the engine refused the action (unknown container…); nothing changed. */
  | 'action'
  /**
   * The engine threw while running: the simulation is stopped (`fatal`) and only
   * `load`/`reset` are accepted. The page offers a restart that reloads the run.
   */
  | 'engine';

export interface HostError {
  type: 'error';
  code: HostErrorCode;
  message: string;
  /** True when the simulation cannot continue until a `load` or `reset`. */
  fatal: boolean;
  /** Field errors of an invalid manifest, as the engine reports them. */
  errors?: unknown[];
}

// ---------------------------------------------------------------------------
// Frames
// ---------------------------------------------------------------------------

/** `kubectl get pods` columns, as kubectl prints them. */
export interface PodRow {
  name: string;
  ready: string;
  status: string;
  restarts: string;
  age: string;
}

/** One pod: the API object with status, and the runtime's view of it. */
export interface PodFrame {
  name: string;
  /** The V1Pod exactly as the engine's `pod(name)` returns it (status included). */
  pod: V1Pod;
  /** Sandbox, containers and what they are doing now, pull decisions, back-off, probes, volumes, namespaces. */
  runtime: PodRuntimeView;
}

/** Log lines of one container: current instance and previous (`--previous`). */
export interface ContainerLogs {
  pod: string;
  container: string;
  /** At most LOG_LINE_CAP lines each: the newest are kept. */
  current: string[];
  previous: string[];
  /** True when older lines were dropped by the cap. */
  truncated: boolean;
}

export const LOG_LINE_CAP = 500;

/** What a container is doing during a segment of the timeline. */
export type LaneState =
  'waiting' | 'pulling' | 'running' | 'terminated' | 'backoff' | 'terminating';

/** A span of constant state. `toMs` absent = still open at the lane's end (the horizon). */
export interface LaneSegment {
  fromMs: number;
  toMs?: number;
  state: LaneState;
  /** The kubelet's reason: ContainerCreating, CrashLoopBackOff, Completed, Error, OOMKilled… */
  reason?: string;
  exitCode?: number;
}

/** A restart: `restartCount` became this value at `atMs`. */
export interface RestartMarker {
  atMs: number;
  restartCount: number;
}

export type ContainerKind = 'init' | 'sidecar' | 'app';

/** The full timeline lane of one container, as the store holds it after merging deltas. */
export interface Lane {
  pod: string;
  container: string;
  kind: ContainerKind;
  segments: LaneSegment[];
  restarts: RestartMarker[];
}

/**
 * A change to one lane. Merge: `segments = old.segments.slice(0, from).concat(segments)`,
 * `restarts = old.restarts.slice(0, restartsFrom).concat(restarts)`. A lane not
 * yet known starts empty. (`from` < old length rewrites the open segment or, after
 * a fork, cuts the discarded future.)
 */
export interface LaneDelta {
  pod: string;
  container: string;
  kind: ContainerKind;
  from: number;
  segments: LaneSegment[];
  restartsFrom: number;
  restarts: RestartMarker[];
}

/**
 * One rendering of the simulation; at most one per animation frame (plus one
 * answering each command). Heavy parts are `null` when unchanged since the
 * previous frame; events and lanes are deltas. A consumer keeps its merged state
 * and applies each frame in order (the store does this: see `mergeFrame`).
 */
export interface Frame {
  /** Simulated time now. */
  nowMs: number;
  playing: boolean;
  /** Playback speed, MIN_SPEED…MAX_SPEED (1 = real time). */
  speed: number;
  /**
   * End of the current future: the furthest instant simulated or recorded in this
   * timeline (≥ nowMs). The scrubber's range is 0…horizonMs; after a seek back the
   * future up to horizonMs stays (lanes included) until an action forks it.
   */
  horizonMs: number;
  /** The next instant something happens (an engine job or a recorded action); null: none. */
  nextEventAtMs: number | null;
  /** True once the engine threw (see `error` code `engine`): only load/reset help. */
  crashed: boolean;
  /** Every pod, terminating and deleted ones included; null = unchanged. */
  pods: PodFrame[] | null;
  /** The cluster's nodes; null = unchanged. */
  nodes: V1Node[] | null;
  /** `kubectl get pods` rows (AGE moves with time); null = unchanged. */
  rows: PodRow[] | null;
  /**
   * Events recorded up to nowMs, as a delta: append `items`; when `reset`, drop
   * what you had first (after a load, a reset or a seek back).
   */
  events: { reset: boolean; items: SimEvent[] };
  /**
   * Logs: each item replaces its (pod, container) entry; `reset` drops all entries
   * first. null = unchanged.
   */
  logs: { reset: boolean; items: ContainerLogs[] } | null;
  /** The run's actions with their times (timeline markers); null = unchanged. */
  actions: TimedAction[] | null;
  /**
   * Timeline lanes, computed exactly event by event over 0…horizonMs. `reset`
   * drops all lanes first (load/reset). null = unchanged.
   */
  lanes: { reset: boolean; items: LaneDelta[] } | null;
  /**
   * `kubectl get pods -w`: a line each time a pod's row changed, read at engine
   * instants over 0…horizonMs (so the same at any speed). Append `items`; `reset`
   * drops the lines first (load, reset, a fork that cut sent lines); `header` is the
   * NAME READY … line as printed with the first rows. null = unchanged.
   */
  watch: { reset: boolean; header: string; items: WatchLine[] } | null;
}

/** One `get pods -w` line: the pod's row at `atMs`, and the line as the terminal shows it. */
export interface WatchLine {
  atMs: number;
  row: PodRow;
  /** Padded by kubectl's tabwriter (widths remembered, never narrowed). */
  text: string;
}

// ---------------------------------------------------------------------------
// Envelopes
// ---------------------------------------------------------------------------

export interface Envelope<T> {
  v: typeof PROTOCOL_VERSION;
  msg: T;
}

export function wrap<T>(msg: T): Envelope<T> {
  return { v: PROTOCOL_VERSION, msg };
}

const COMMAND_TYPES = new Set<Command['type']>([
  'load',
  'play',
  'pause',
  'step',
  'nextEvent',
  'setSpeed',
  'seek',
  'dispatch',
  'reset',
]);

/**
 * Validates an incoming envelope; returns the command, or an error to answer.
 * Checks shape only: the host checks values (a negative seek, a bad manifest).
 */
export function unwrapCommand(data: unknown): Command | { code: HostErrorCode; message: string } {
  if (!data || typeof data !== 'object') return bad('message is not an object');
  const env = data as Partial<Envelope<unknown>>;
  if (env.v !== PROTOCOL_VERSION)
    return {
      code: 'version',
      message: `protocol version ${String(env.v)} is not ${PROTOCOL_VERSION}`,
    };
  const msg = env.msg as Record<string, unknown> | undefined;
  if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string')
    return bad('message has no type');
  if (!COMMAND_TYPES.has(msg.type as Command['type'])) return bad(`unknown command ${msg.type}`);
  switch (msg.type) {
    case 'load': {
      const run = msg.run as Partial<Run> | undefined;
      if (!run || typeof run !== 'object') return bad('load needs a run');
      if (typeof run.manifest !== 'string' && (typeof run.manifest !== 'object' || !run.manifest))
        return bad('run.manifest must be YAML text or an object');
      if (run.seed !== undefined && !Number.isFinite(run.seed))
        return bad('run.seed must be a number');
      if (run.actions !== undefined && !isTimedActions(run.actions))
        return bad('run.actions must be [{ atMs, action }]');
      if (msg.atMs !== undefined && !(typeof msg.atMs === 'number' && msg.atMs >= 0))
        return bad('load.atMs must be a time ≥ 0');
      if (msg.speed !== undefined && !(typeof msg.speed === 'number' && Number.isFinite(msg.speed)))
        return bad('load.speed must be a finite number');
      break;
    }
    case 'setSpeed':
      if (typeof msg.speed !== 'number' || !Number.isFinite(msg.speed))
        return bad('setSpeed needs a finite speed');
      break;
    case 'seek':
      if (typeof msg.ms !== 'number' || !Number.isFinite(msg.ms)) return bad('seek needs ms');
      break;
    case 'dispatch': {
      const a = msg.action as { kind?: unknown } | undefined;
      if (!a || typeof a !== 'object' || typeof a.kind !== 'string')
        return bad('dispatch needs an action with a kind');
      break;
    }
  }
  return msg as unknown as Command;
}

function bad(message: string) {
  return { code: 'bad-command' as const, message };
}

function isTimedActions(x: unknown): x is TimedAction[] {
  return (
    Array.isArray(x) &&
    x.every(
      (t) =>
        t &&
        typeof t === 'object' &&
        typeof (t as TimedAction).atMs === 'number' &&
        Number.isFinite((t as TimedAction).atMs) &&
        (t as TimedAction).atMs >= 0 &&
        typeof (t as TimedAction).action === 'object' &&
        typeof (t as TimedAction).action?.kind === 'string',
    )
  );
}
