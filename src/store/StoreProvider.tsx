import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PodscopeState, PodscopeStore } from './createPodscopeStore.ts';

const StoreContext = createContext<PodscopeStore | null>(null);

/** Provides one instance's store to its views (React Flow's provider pattern). */
export function StoreProvider({ store, children }: { store: PodscopeStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Reads the nearest instance's store; throws when rendered outside a StoreProvider. */
export function usePodscope<T>(selector: (state: PodscopeState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('PS001: usePodscope needs a <StoreProvider> above it.');
  return useStore(store, selector);
}
