import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import { anatomyOf } from '../hooks.ts';
import { announcements, snapshotOf, type Announcement, type Snapshot } from './announce.ts';

/** A polite live region announcing state changes ("web: CrashLoopBackOff, restart 3"). */
export function LiveRegion() {
  const t = useT();
  const vm = usePodscope((s) => anatomyOf(s));
  const rows = usePodscope((s) => s.frame?.rows);
  const prev = useRef<Snapshot | undefined>(undefined);
  const [said, setSaid] = useState<Announcement[]>([]);
  useEffect(() => {
    const snap = snapshotOf(vm, new Map((rows ?? []).map((r) => [r.name, r.status])));
    const next = announcements(prev.current, snap);
    prev.current = snap;
    // Several changes in one frame (fast playback): say the latest few.
    if (next.length) setSaid(next.slice(-3));
  }, [vm, rows]);
  return (
    <div className="podscope-sr-only" role="log" aria-live="polite" aria-atomic="true">
      {said.map((a) => t(a.key, a.params)).join('. ')}
    </div>
  );
}
