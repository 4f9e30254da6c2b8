import { lazy, type ComponentType } from 'react';

/**
 * A component in its own chunk, as `React.lazy`, plus `preload` for the trigger that shows it
 * (pointer over it, focus): a popover's body loads while the user reaches for the button.
 */
export function lazyBody<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): { Body: ComponentType<P>; preload: () => void } {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const get = () => (loading ??= load());
  return {
    Body: lazy(get),
    preload: () => {
      void get();
    },
  };
}
