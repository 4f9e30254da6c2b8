import { memo } from 'react';
import { useT } from '../../i18n/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import { formatClock } from '../format.ts';

export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 100] as const;

/** Play/Pause, step, next event, speed and the cluster clock. */
export const PlaybackControls = memo(function PlaybackControls() {
  const t = useT();
  const playing = usePodscope((s) => s.frame?.playing ?? false);
  const speed = usePodscope((s) => s.frame?.speed ?? 1);
  const ready = usePodscope((s) => s.isReady);
  const togglePlay = usePodscope((s) => s.togglePlay);
  const step = usePodscope((s) => s.step);
  const nextEvent = usePodscope((s) => s.nextEvent);
  const setSpeed = usePodscope((s) => s.setSpeed);
  const reset = usePodscope((s) => s.reset);
  const ended = usePodscope((s) => s.ended);
  const setEnded = usePodscope((s) => s.setEnded);
  const seek = usePodscope((s) => s.seek);
  const play = usePodscope((s) => s.play);
  const replay = () => {
    setEnded(false);
    seek(0);
    play();
  };

  return (
    <div className="podscope-controls" role="toolbar" aria-label={t('controls.toolbar')}>
      {ended && (
        <button
          type="button"
          className="podscope-btn podscope-btn--primary podscope-replay"
          onClick={replay}
          disabled={!ready}
        >
          <span aria-hidden="true">↺ </span>
          {t('controls.replay')}
        </button>
      )}
      <button
        type="button"
        className="podscope-btn podscope-btn--primary podscope-play"
        onClick={() => {
          if (ended) setEnded(false);
          togglePlay();
        }}
        disabled={!ready}
        data-shortcut="p"
        aria-keyshortcuts="P"
      >
        <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
        {playing ? t('controls.pause') : t('controls.play')}
      </button>
      <button
        type="button"
        className="podscope-btn"
        onClick={step}
        disabled={!ready}
        title={t('controls.stepHint')}
      >
        {t('controls.step')}
      </button>
      <button
        type="button"
        className="podscope-btn"
        onClick={nextEvent}
        disabled={!ready}
        title={t('controls.nextEventHint')}
        data-shortcut="n"
        aria-keyshortcuts="N"
      >
        <span className="podscope-phone-sr">{t('controls.nextEvent')} </span>
        <span aria-hidden="true">⇥</span>
      </button>
      <div className="podscope-speeds" role="group" aria-label={t('controls.speed')}>
        {SPEEDS.map((v) => (
          <button
            key={v}
            type="button"
            className="podscope-btn podscope-btn--pill"
            aria-pressed={speed === v}
            onClick={() => setSpeed(v)}
            disabled={!ready}
          >
            {t('controls.speedValue', { speed: v })}
          </button>
        ))}
      </div>
      <label className="podscope-speed-select">
        <span className="podscope-sr-only">{t('controls.speed')}</span>
        <select
          value={String(speed)}
          onChange={(e) => setSpeed(Number(e.target.value))}
          disabled={!ready}
        >
          {(SPEEDS as readonly number[]).includes(speed) ? null : (
            <option value={String(speed)}>{t('controls.speedValue', { speed })}</option>
          )}
          {SPEEDS.map((v) => (
            <option key={v} value={String(v)}>
              {t('controls.speedValue', { speed: v })}
            </option>
          ))}
        </select>
      </label>
      <Clock />
      <button
        type="button"
        className="podscope-btn"
        onClick={reset}
        disabled={!ready}
        title={t('controls.restartHint')}
      >
        <span className="podscope-phone-only" aria-hidden="true">
          ↺
        </span>
        <span className="podscope-phone-sr">{t('controls.restart')}</span>
      </button>
    </div>
  );
});

/** The only part of the bar that changes every frame. */
const Clock = memo(function Clock() {
  const t = useT();
  const text = usePodscope((s) => formatClock(s.frame?.nowMs ?? 0));
  return (
    <span className="podscope-clock-wrap">
      <output className="podscope-clock" aria-label={t('controls.clock')}>
        {text}
      </output>
      <span className="podscope-clock-note">{t('controls.clockNote')}</span>
    </span>
  );
});
