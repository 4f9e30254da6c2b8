import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SimClient } from '../worker/client.ts';
import type { Run } from '../worker/protocol.ts';
import { animationFrameScheduler, connectBridge, type FrameScheduler } from './bridge.ts';
import { createSimSlice, type LoadOptions, type SimSlice } from './simSlice.ts';
import { createUiSlice, type UiInit, type UiSlice } from './uiSlice.ts';

export type { FrameScheduler } from './bridge.ts';
export type { LoadOptions, SimError, SimSlice, SimView } from './simSlice.ts';
export type { PanelId, Theme, UiInit, UiSlice } from './uiSlice.ts';

export type PodscopeState = SimSlice & UiSlice;
export type PodscopeStore = StoreApi<PodscopeState> & { dispose(): void };

export interface StoreOptions {
  /** How the bridge waits for an animation frame (tests pass their own). */
  schedule?: FrameScheduler;
  ui?: UiInit;
  /** Options of the initial load (autoplay, atMs, speed). */
  load?: LoadOptions;
}

/**
 * One store per mounted Podscope instance (never a module-level singleton): the
 * simulation slice and the UI slice. The bridge writes host messages into it from
 * outside React, coalesced to one update per animation frame. Loads `initialRun`.
 */
export function createPodscopeStore(
  client: SimClient,
  initialRun: Run,
  opts: StoreOptions | FrameScheduler = {},
): PodscopeStore {
  const o: StoreOptions = typeof opts === 'function' ? { schedule: opts } : opts;
  const store = createStore<PodscopeState>()((...a) => ({
    ...createSimSlice<PodscopeState>(client, initialRun)(...a),
    ...createUiSlice<PodscopeState>(o.ui)(...a),
  }));
  const disconnect = connectBridge(client, store, o.schedule ?? animationFrameScheduler);
  store.getState().load(initialRun, o.load);
  return Object.assign(store, {
    dispose() {
      disconnect();
      client.dispose();
    },
  });
}
