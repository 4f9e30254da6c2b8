/**
 * The bridge: host messages into the store, from outside React. Frames arriving
 * between two animation frames are merged together and written in one update.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { SimClient } from '../worker/client.ts';
import { emptyView, mergeFrame } from '../worker/merge.ts';
import type { Frame, HostMessage, Run } from '../worker/protocol.ts';
import type { SimSlice } from './simSlice.ts';

/** Schedules `fn` once per animation frame (falls back to a timer off-screen or in tests). */
export type FrameScheduler = (fn: () => void) => void;

export const animationFrameScheduler: FrameScheduler = (fn) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 16);
};

export function connectBridge<S extends SimSlice>(
  client: SimClient,
  store: StoreApi<S>,
  schedule: FrameScheduler = animationFrameScheduler,
): () => void {
  let pending: Frame[] = [];
  let scheduled = false;
  /** The last run the host accepted (a refused load reverts to it). */
  let accepted: Run = store.getState().run;

  const flush = () => {
    scheduled = false;
    if (!pending.length) return;
    const frames = pending;
    pending = [];
    const state = store.getState();
    let view = state.frame ?? emptyView();
    for (const f of frames) view = mergeFrame(view, f);
    const patch: Partial<SimSlice> = { frame: view, isReady: true, transport: client.transport };
    if (frames.some((f) => f.actions)) {
      accepted = { ...state.run, actions: view.actions };
      patch.run = accepted;
    }
    store.setState(patch as Partial<S>);
  };

  return client.onMessage((msg: HostMessage) => {
    switch (msg.type) {
      case 'ready':
        store.setState({ isReady: true, transport: client.transport } as Partial<S>);
        break;
      case 'frame':
        pending.push(msg.frame);
        if (!scheduled) {
          scheduled = true;
          schedule(flush);
        }
        break;
      case 'error': {
        const patch: Partial<SimSlice> = {
          error: {
            code: msg.code,
            message: msg.message,
            fatal: msg.fatal,
            ...(msg.errors ? { errors: msg.errors } : {}),
          },
        };
        if (msg.code === 'manifest') patch.run = accepted;
        store.setState(patch as Partial<S>);
        break;
      }
    }
  });
}
