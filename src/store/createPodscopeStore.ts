import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Frame, HostMessage, Run } from '../worker/protocol.ts';
import type { SimClient } from '../worker/client.ts';

export interface SimSlice {
  /** The latest frame from the host; undefined until the first arrives. */
  frame: Frame | undefined;
  isReady: boolean;
  error: { code: string; message: string } | undefined;
}

export interface UiSlice {
  run: Run;
}

export interface Actions {
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  setSpeed(speed: number): void;
  seek(ms: number): void;
  load(run: Run): void;
  reset(): void;
  dismissError(): void;
}

export type PodscopeState = SimSlice & UiSlice & Actions;
export type PodscopeStore = StoreApi<PodscopeState> & { dispose(): void };

/** Schedules `fn` once per animation frame (falls back to a timer off-screen or in tests). */
export type FrameScheduler = (fn: () => void) => void;

const defaultScheduler: FrameScheduler = (fn) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 16);
};

/**
 * One store per mounted Podscope instance. The bridge writes host messages into it
 * from outside React, coalesced to one update per animation frame.
 */
export function createPodscopeStore(
  client: SimClient,
  initialRun: Run,
  schedule: FrameScheduler = defaultScheduler,
): PodscopeStore {
  const store = createStore<PodscopeState>()((set, get) => ({
    frame: undefined,
    isReady: false,
    error: undefined,
    run: initialRun,
    play: () => client.send({ type: 'play' }),
    pause: () => client.send({ type: 'pause' }),
    togglePlay: () => (get().frame?.playing ? get().pause() : get().play()),
    step: () => client.send({ type: 'step' }),
    setSpeed: (speed) => client.send({ type: 'setSpeed', speed }),
    seek: (ms) => client.send({ type: 'seek', ms }),
    load: (run) => {
      set({ run });
      client.send({ type: 'load', run });
    },
    reset: () => client.send({ type: 'reset' }),
    dismissError: () => set({ error: undefined }),
  }));

  let pending: Frame | undefined;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending) store.setState({ frame: pending });
    pending = undefined;
  };

  const unsubscribe = client.onMessage((msg: HostMessage) => {
    switch (msg.type) {
      case 'ready':
        store.setState({ isReady: true });
        break;
      case 'frame':
        pending = msg.frame;
        if (!scheduled) {
          scheduled = true;
          schedule(flush);
        }
        break;
      case 'error':
        store.setState({ error: { code: msg.code, message: msg.message } });
        break;
    }
  });

  client.send({ type: 'load', run: initialRun });

  return Object.assign(store, {
    dispose() {
      unsubscribe();
      client.dispose();
    },
  });
}
