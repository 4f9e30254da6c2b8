import { SimClock } from '../engine/index.ts';
import {
  MAX_SPEED,
  MIN_SPEED,
  unwrapCommand,
  wrap,
  type Command,
  type Envelope,
  type Frame,
  type HostMessage,
  type Run,
} from './protocol.ts';

/** What the host needs from its surroundings; injected so tests can drive time. */
export interface HostEnv {
  post(message: Envelope<HostMessage>): void;
  /** Wall-clock milliseconds (performance.now in a worker). */
  wallNow(): number;
  /** Calls `tick` after about one animation frame; returns a cancel function. */
  every(ms: number, tick: () => void): () => void;
}

const TICK_MS = 16;

/**
 * Runs one simulation and paces its simulated time to wall time × speed.
 * Used inside the Web Worker and, unchanged, on the main thread as the fallback.
 */
export function createHost(env: HostEnv): { receive(data: unknown): void; dispose(): void } {
  let clock = new SimClock();
  let run: Run | undefined;
  let playing = false;
  let speed = 1;
  let lastWall = 0;
  let stop: (() => void) | undefined;

  const post = (msg: HostMessage) => env.post(wrap(msg));
  const frame = (): Frame => ({
    nowMs: clock.nowMs,
    playing,
    speed,
    horizonMs: clock.nowMs,
    nextEventAtMs: null,
    crashed: false,
    pods: null,
    nodes: null,
    rows: null,
    events: { reset: false, items: [] },
    logs: null,
    actions: null,
    lanes: null,
  });
  const sendFrame = () => post({ type: 'frame', frame: frame() });

  const tick = () => {
    const wall = env.wallNow();
    const dt = Math.max(0, wall - lastWall);
    lastWall = wall;
    clock.advanceTo(clock.nowMs + Math.round(dt * speed));
    sendFrame();
  };

  const setPlaying = (on: boolean) => {
    if (on === playing) return;
    playing = on;
    if (on) {
      lastWall = env.wallNow();
      stop = env.every(TICK_MS, tick);
    } else {
      stop?.();
      stop = undefined;
    }
  };

  const handle = (cmd: Command) => {
    switch (cmd.type) {
      case 'load':
        run = cmd.run;
        setPlaying(false);
        clock = new SimClock();
        break;
      case 'reset':
        setPlaying(false);
        clock = new SimClock();
        break;
      case 'play':
        setPlaying(true);
        break;
      case 'pause':
        setPlaying(false);
        break;
      case 'step':
        setPlaying(false);
        clock.advanceTo(clock.step() ?? clock.nowMs + 1000);
        break;
      case 'setSpeed':
        if (!Number.isFinite(cmd.speed)) throw new Error('speed must be a number');
        speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, cmd.speed));
        break;
      case 'seek': {
        if (!Number.isFinite(cmd.ms) || cmd.ms < 0) throw new Error('seek needs a time ≥ 0');
        if (cmd.ms < clock.nowMs) clock = new SimClock();
        clock.advanceTo(Math.round(cmd.ms));
        break;
      }
      case 'nextEvent':
      case 'dispatch':
        break;
      default: {
        const unknown: never = cmd;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
    sendFrame();
  };

  post({ type: 'ready', version: 1 });
  void run;

  return {
    receive(data: unknown) {
      const cmd = unwrapCommand(data);
      if (!('type' in cmd)) {
        post({ type: 'error', ...cmd, fatal: false });
        return;
      }
      try {
        handle(cmd);
      } catch (err) {
        post({
          type: 'error',
          code: 'engine',
          fatal: false,
          message: err instanceof Error ? err.message : String(err),
        });
      }
    },
    dispose() {
      setPlaying(false);
    },
  };
}
