import { createContext, useContext } from 'react';

/**
 * The element inside `.podscope-root` where popovers render, so they escape React Flow's
 * stacking yet stay inside the instance (and its shadow root, when embedded).
 */
export const LayerContext = createContext<HTMLElement | null>(null);

export function useLayer(): HTMLElement | null {
  return useContext(LayerContext);
}
