/**
 * The simulation host: runs one time machine and paces simulated time to wall
 * time × speed. It has no worker or DOM globals of its own — its surroundings are
 * injected — so it runs unchanged in the Web Worker, on the main thread (the
 * fallback) and in tests.
 */
import type { EngineApi } from './engine.ts';
import {
  MAX_SPEED,
  MIN_SPEED,
  PROTOCOL_VERSION,
  unwrapCommand,
  wrap,
  type Command,
  type Envelope,
  type HostErrorCode,
  type HostMessage,
  type Run,
} from './protocol.ts';
import { Session } from './session.ts';
import type { TimeMachineOptions } from './timeMachine.ts';

/** What the host needs from its surroundings; injected so tests can drive time. */
export interface HostEnv {
  post(message: Envelope<HostMessage>): void;
  /** Wall-clock milliseconds (performance.now in a worker). */
  wallNow(): number;
  /** Calls `tick` about every `ms` (one animation frame); returns a cancel function. */
  every(ms: number, tick: () => void): () => void;
}

export interface HostOptions {
  engine: EngineApi;
  timeMachine?: TimeMachineOptions;
}

export interface Host {
  receive(data: unknown): void;
  dispose(): void;
}

export const TICK_MS = 16;
/** Longest wall-time gap a tick honours (a throttled tab does not leap ahead). */
const MAX_TICK_GAP_MS = 250;
/** `nextEvent` gives up after this many instants without a new event. */
const MAX_NEXT_EVENT_STEPS = 10_000;

class ActionRefused extends Error {}
class ManifestRejected extends Error {
  constructor(
    message: string,
    readonly errors: unknown[] | undefined,
  ) {
    super(message);
  }
}

export function createHost(env: HostEnv, opts: HostOptions): Host {
  let tm: Session | undefined;
  let playing = false;
  let speed = 1;
  let crashed = false;
  let lastWall = 0;
  let carry = 0;
  let stop: (() => void) | undefined;

  const post = (msg: HostMessage) => env.post(wrap(msg));
  const postError = (code: HostErrorCode, message: string, fatal: boolean, errors?: unknown[]) =>
    post(
      errors
        ? { type: 'error', code, message, fatal, errors }
        : { type: 'error', code, message, fatal },
    );

  const sendFrame = () => {
    if (!tm) return;
    if (crashed) {
      post({
        type: 'frame',
        frame: {
          nowMs: tm.nowMs,
          playing: false,
          speed,
          horizonMs: tm.tm.horizonMs,
          nextEventAtMs: null,
          crashed: true,
          pods: null,
          nodes: null,
          rows: null,
          events: { reset: false, items: [] },
          logs: null,
          actions: null,
          lanes: null,
          watch: null,
        },
      });
      return;
    }
    post({ type: 'frame', frame: tm.frame({ playing, speed }) });
  };

  const setPlaying = (on: boolean) => {
    if (on === playing) return;
    playing = on;
    if (on) {
      lastWall = env.wallNow();
      carry = 0;
      stop = env.every(TICK_MS, tick);
    } else {
      stop?.();
      stop = undefined;
    }
  };

  const crash = (err: unknown) => {
    crashed = true;
    setPlaying(false);
    postError(
      'engine',
      `The simulation stopped: ${err instanceof Error ? err.message : String(err)}`,
      true,
    );
    sendFrame();
  };

  function tick() {
    if (!tm || crashed) return;
    const wall = env.wallNow();
    const dt = Math.min(MAX_TICK_GAP_MS, Math.max(0, wall - lastWall));
    lastWall = wall;
    const exact = dt * speed + carry;
    const whole = Math.floor(exact);
    carry = exact - whole;
    try {
      tm.advanceTo(tm.nowMs + whole);
      sendFrame();
    } catch (err) {
      crash(err);
    }
  }

  /** Replaces the session; false (and nothing changed) when the manifest is refused. */
  const load = (run: Run, autoplay: boolean, atMs: number, newSpeed?: number): boolean => {
    let next: Session;
    try {
      next = new Session(
        { ...opts.engine, create: (o) => createChecked(opts.engine, o) },
        run,
        opts.timeMachine,
      );
    } catch (err) {
      if (err instanceof ManifestRejected) {
        postError('manifest', err.message, false, err.errors);
        return false;
      }
      throw err;
    }
    setPlaying(false);
    crashed = false;
    tm = next;
    if (newSpeed !== undefined) speed = clampSpeed(newSpeed);
    if (atMs > 0) tm.seek(atMs);
    if (autoplay) setPlaying(true);
    return true;
  };

  const handle = (cmd: Command) => {
    if (cmd.type === 'load') {
      const ok = load(
        { manifest: cmd.run.manifest, seed: cmd.run.seed ?? 1, actions: cmd.run.actions ?? [] },
        !!cmd.autoplay,
        Math.max(0, cmd.atMs ?? 0),
        cmd.speed,
      );
      if (ok) sendFrame();
      return;
    }
    if (cmd.type === 'setSpeed') {
      speed = clampSpeed(cmd.speed);
      sendFrame();
      return;
    }
    if (cmd.type === 'pause') {
      setPlaying(false);
      sendFrame();
      return;
    }
    if (!tm) {
      postError('bad-command', `${cmd.type}: no run is loaded yet`, false);
      return;
    }
    if (cmd.type === 'reset') {
      load({ manifest: tm.tm.manifest, seed: tm.tm.seed, actions: [] }, false, 0);
      sendFrame();
      return;
    }
    if (crashed) {
      postError('engine', 'The simulation has stopped; restart it to continue.', true);
      return;
    }
    switch (cmd.type) {
      case 'play':
        setPlaying(true);
        break;
      case 'step':
        setPlaying(false);
        tm.step();
        break;
      case 'nextEvent':
        setPlaying(false);
        tm.nextEvent(MAX_NEXT_EVENT_STEPS);
        break;
      case 'seek':
        if (cmd.ms < 0) {
          postError('bad-command', 'seek needs a time ≥ 0', false);
          return;
        }
        tm.seek(cmd.ms);
        break;
      case 'dispatch':
        try {
          tm.dispatch(cmd.action, (err) => new ActionRefused(messageOf(err)));
        } catch (err) {
          if (err instanceof ActionRefused) {
            postError('action', err.message, false);
            return;
          }
          throw err;
        }
        break;
      default: {
        const unknown: never = cmd;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
    sendFrame();
  };

  post({ type: 'ready', version: PROTOCOL_VERSION });

  return {
    receive(data: unknown) {
      const cmd = unwrapCommand(data);
      if (!('type' in cmd)) {
        postError(cmd.code, cmd.message, false);
        return;
      }
      try {
        handle(cmd);
      } catch (err) {
        crash(err);
      }
    },
    dispose() {
      setPlaying(false);
      tm = undefined;
    },
  };
}

function clampSpeed(s: number): number {
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, s));
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function createChecked(engine: EngineApi, o: Parameters<EngineApi['create']>[0]) {
  try {
    return engine.create(o);
  } catch (err) {
    const errors = (err as { errors?: unknown; fieldErrors?: unknown }).errors;
    const fieldErrors = (err as { fieldErrors?: unknown }).fieldErrors;
    const list = Array.isArray(errors)
      ? errors
      : Array.isArray(fieldErrors)
        ? fieldErrors
        : undefined;
    throw new ManifestRejected(messageOf(err), list);
  }
}
