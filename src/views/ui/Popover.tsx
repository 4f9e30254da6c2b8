import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import { useLayer } from './layer.ts';

interface PopoverProps {
  anchor: RefObject<HTMLElement | null>;
  open: boolean;
  onClose: () => void;
  label: string;
  role?: 'dialog' | 'menu';
  className?: string;
  /** Extra keys the popover handles while open (shortcuts); return true when handled. */
  onKey?: (e: KeyboardEvent) => boolean;
  children: ReactNode;
}

/**
 * A non-modal popover under its trigger: rendered into the instance's layer, closed by Escape
 * or a click outside, focus moved in on open and back to the trigger on close.
 */
export function Popover({
  anchor,
  open,
  onClose,
  label,
  role = 'dialog',
  className,
  onKey,
  children,
}: PopoverProps) {
  const layer = useLayer();
  const box = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number; maxH: number } | null>(null);

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const a = anchor.current?.getBoundingClientRect();
      const el = box.current;
      if (!a || !el) return;
      const w = el.offsetWidth;
      const h = el.offsetHeight;
      const vw = window.innerWidth;
      const vh = window.innerHeight;
      const left = Math.max(8, Math.min(a.left, vw - w - 8));
      const below = vh - a.bottom - 8;
      const top =
        below >= Math.min(h, 240) || a.top < below ? a.bottom + 6 : Math.max(8, a.top - h - 6);
      setPos({ left, top, maxH: top > a.top ? vh - top - 8 : a.top - 14 });
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [open, anchor]);

  useEffect(() => {
    if (!open) return;
    const el = box.current;
    const first = el?.querySelector<HTMLElement>('button:not([disabled]), select, input, a[href]');
    (first ?? el)?.focus();
    const trigger = anchor.current;
    const onDown = (e: PointerEvent) => {
      const path = e.composedPath();
      if (el && !path.includes(el) && trigger && !path.includes(trigger)) onClose();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
        trigger?.focus();
        return;
      }
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (onKey?.(e)) e.preventDefault();
    };
    el?.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      el?.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onDown, true);
    };
  }, [open, anchor, onClose, onKey]);

  if (!open || !layer) return null;
  return createPortal(
    <div
      ref={box}
      role={role}
      aria-label={label}
      tabIndex={-1}
      className={`podscope-popover ${className ?? ''}`}
      style={
        pos
          ? { left: pos.left, top: pos.top, maxHeight: pos.maxH }
          : { left: -9999, top: 0, opacity: 0 }
      }
    >
      {children}
    </div>,
    layer,
  );
}
