/**
 * The instance's layout, chosen from the size of its own element (never the window's), so the
 * same code serves the app, an iframe and the <pod-scope> element:
 *
 * - `wide`: the diagram with the kubectl column beside it;
 * - `compact` (under 1100 px, or a frame under 560 px tall): the diagram on top, the transport
 *   and a thin timeline under it, the kubectl panels as tabs in a drawer at the bottom;
 * - `phone` (under 641 px): as compact, with a one-row header.
 *
 * `short` (under 800 px tall) thins the timeline strip so the stage keeps its height.
 */
import { createContext, useContext, useEffect, useState } from 'react';

export type LayoutMode = 'wide' | 'compact' | 'phone';

export interface Layout {
  mode: LayoutMode;
  short: boolean;
}

export const WIDE_MIN_WIDTH = 1100;
export const PHONE_MAX_WIDTH = 640;
export const COMPACT_MAX_HEIGHT = 559;
export const SHORT_MAX_HEIGHT = 799;

/** The layout for an instance of this size (CSS px of its content box). */
export function layoutOf(width: number, height: number): Layout {
  const mode: LayoutMode =
    width <= PHONE_MAX_WIDTH
      ? 'phone'
      : width < WIDE_MIN_WIDTH || (height > 0 && height <= COMPACT_MAX_HEIGHT)
        ? 'compact'
        : 'wide';
  return { mode, short: height > 0 && height <= SHORT_MAX_HEIGHT };
}

export const DEFAULT_LAYOUT: Layout = { mode: 'wide', short: false };

/** The layout of the instance a view is in. */
export const LayoutContext = createContext<Layout>(DEFAULT_LAYOUT);

export const useLayout = (): Layout => useContext(LayoutContext);

/** Follows an element's size and answers its layout (re-rendering only when that changes). */
export function useLayoutOf(el: HTMLElement | null): Layout {
  const [layout, setLayout] = useState<Layout>(DEFAULT_LAYOUT);
  useEffect(() => {
    if (!el) return;
    const update = (width: number, height: number) => {
      const next = layoutOf(width, height);
      setLayout((cur) => (cur.mode === next.mode && cur.short === next.short ? cur : next));
    };
    update(el.clientWidth, el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) update(box.width, box.height);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return layout;
}
