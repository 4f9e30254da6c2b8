/**
 * Presenter mode: the chrome hides, the stage fills the screen (the Fullscreen API on the
 * instance's root when allowed, else a fixed full-window overlay), a projector type scale and
 * clicker keys — PageDown / `.` next event (or the lesson's next step), PageUp previous event,
 * `B` blanks the screen, Escape leaves. `M` enters and leaves.
 */
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { usePodscope } from '../../store/StoreProvider.tsx';

export interface Presenter {
  active: boolean;
  contrast: boolean;
  blank: boolean;
  className: string;
  enter(): void;
  leave(): void;
  setContrast(on: boolean): void;
  /** Handles a presenter key; true when it was used. */
  onKey(e: KeyboardEvent | React.KeyboardEvent): boolean;
}

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ||
    el.isContentEditable ||
    !!el.closest('.cm-editor'));

export function usePresenter(root: RefObject<HTMLElement | null>, initial: boolean): Presenter {
  const [active, setActive] = useState(initial);
  const [contrast, setContrast] = useState(false);
  const [blank, setBlank] = useState(false);
  const nextEvent = usePodscope((s) => s.nextEvent);
  const seek = usePodscope((s) => s.seek);
  // The latest event before now (a number that changes only as events pass, not every frame).
  const previousMs = usePodscope((s) => {
    const now = s.frame?.nowMs ?? 0;
    let best = 0;
    for (const e of s.frame?.events ?? []) if (e.atMs < now && e.atMs > best) best = e.atMs;
    return best;
  });

  const enter = useCallback(() => {
    setActive(true);
    const el = root.current;
    // Fullscreen when the page allows it; the fixed overlay (CSS) otherwise.
    if (el && el.ownerDocument.fullscreenEnabled && !el.ownerDocument.fullscreenElement)
      el.requestFullscreen?.().catch(() => {});
    requestAnimationFrame(() => root.current?.focus());
  }, [root]);
  const leave = useCallback(() => {
    setActive(false);
    setBlank(false);
    const doc = root.current?.ownerDocument;
    if (doc?.fullscreenElement) void doc.exitFullscreen().catch(() => {});
  }, [root]);

  useEffect(() => {
    // Leaving fullscreen with the browser's own Escape leaves presenter mode too.
    const doc = root.current?.ownerDocument;
    if (!doc) return;
    const onChange = () => {
      if (!doc.fullscreenElement) setActive((a) => (a ? false : a));
    };
    doc.addEventListener('fullscreenchange', onChange);
    return () => doc.removeEventListener('fullscreenchange', onChange);
  }, [root]);

  const previousEvent = useCallback(() => seek(previousMs), [seek, previousMs]);

  const onKey = useCallback(
    (e: KeyboardEvent | React.KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return false;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (key === 'm') {
        if (active) leave();
        else enter();
      } else if (!active) return false;
      else if (key === 'Escape') leave();
      else if (key === 'b') setBlank((b) => !b);
      else if (key === 'PageDown' || key === '.' || key === 'ArrowRight') {
        const lesson = root.current?.querySelector<HTMLButtonElement>(
          '[data-lesson-next]:not(:disabled)',
        );
        if (lesson) lesson.click();
        else nextEvent();
      } else if (key === 'PageUp' || key === ',' || key === 'ArrowLeft') previousEvent();
      else return false;
      e.preventDefault();
      return true;
    },
    [active, enter, leave, nextEvent, previousEvent, root],
  );

  return useMemo(() => {
    const classes = ['podscope-root'];
    if (active) classes.push('podscope-root--present');
    if (blank) classes.push('podscope-root--blank');
    return {
      active,
      contrast,
      blank,
      className: classes.join(' '),
      enter,
      leave,
      setContrast,
      onKey,
    };
  }, [active, contrast, blank, enter, leave, onKey]);
}
