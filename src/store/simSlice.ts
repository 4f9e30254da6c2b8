/**
 * The simulation slice: the merged view of the host's frames, the serializable
 * run, and actions that only send commands (the host decides; the store mirrors).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { SimClient, Transport } from '../worker/client.ts';
import type { SimView } from '../worker/merge.ts';
import type { Action, HostErrorCode, Run } from '../worker/protocol.ts';

export type { SimView };

export interface SimError {
  code: HostErrorCode;
  message: string;
  /** The simulation stopped: offer `restart()`. */
  fatal: boolean;
  /** Field errors of an invalid manifest. */
  errors?: unknown[];
}

export interface LoadOptions {
  autoplay?: boolean;
  /** Simulated ms to open at (a share link's current time). */
  atMs?: number;
  speed?: number;
}

export interface SimSlice {
  /** Every frame so far, merged; undefined until the first arrives. */
  frame: SimView | undefined;
  isReady: boolean;
  error: SimError | undefined;
  /** The run as recorded now (manifest, seed, actions of the current future): share it. */
  run: Run;
  /** Where the simulation runs: a Web Worker, or the same thread (fallback). */
  transport: Transport;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** One engine instant forward (pauses). */
  step(): void;
  /** Forward until the next event is recorded (pauses). */
  nextEvent(): void;
  setSpeed(speed: number): void;
  seek(ms: number): void;
  /** Applies an action now; after a seek back it forks a new future. */
  dispatch(action: Action): void;
  load(run: Run, opts?: LoadOptions): void;
  /** The same manifest and seed from 0, without actions. */
  reset(): void;
  /** After an engine error: reloads the run, manifest and actions kept. */
  restart(): void;
  dismissError(): void;
}

export function createSimSlice<S extends SimSlice>(
  client: SimClient,
  initialRun: Run,
): StateCreator<S, [], [], SimSlice> {
  return (set, get) => ({
    frame: undefined,
    isReady: false,
    error: undefined,
    run: initialRun,
    transport: client.transport,
    play: () => client.send({ type: 'play' }),
    pause: () => client.send({ type: 'pause' }),
    togglePlay: () => (get().frame?.playing ? get().pause() : get().play()),
    step: () => client.send({ type: 'step' }),
    nextEvent: () => client.send({ type: 'nextEvent' }),
    setSpeed: (speed) => client.send({ type: 'setSpeed', speed }),
    seek: (ms) => client.send({ type: 'seek', ms }),
    dispatch: (action) => client.send({ type: 'dispatch', action }),
    load: (run, opts = {}) => {
      set({ run, error: undefined } as Partial<S>);
      client.send({ type: 'load', run, ...opts });
    },
    reset: () => {
      set({ error: undefined } as Partial<S>);
      client.send({ type: 'reset' });
    },
    restart: () => {
      const { run, frame } = get();
      set({ error: undefined } as Partial<S>);
      client.send({ type: 'load', run, speed: frame?.speed });
    },
    dismissError: () => set({ error: undefined } as Partial<S>),
  });
}
