import { usePodscope } from '../../store/StoreProvider.tsx';
import { formatClock } from '../format.ts';

export function PlaybackControls() {
  const nowMs = usePodscope((s) => s.frame?.nowMs ?? 0);
  const playing = usePodscope((s) => s.frame?.playing ?? false);
  const ready = usePodscope((s) => s.isReady);
  const togglePlay = usePodscope((s) => s.togglePlay);

  return (
    <div className="podscope-controls" role="toolbar" aria-label="Playback">
      <button
        type="button"
        className="podscope-btn podscope-btn--primary"
        onClick={togglePlay}
        disabled={!ready}
        aria-pressed={playing}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <output className="podscope-clock" aria-label="Cluster time">
        {formatClock(nowMs)}
      </output>
    </div>
  );
}
