/**
 * Side by side (lazy chunk): two scenario variants on one shared clock, each shown compactly
 * with its `kubectl get pods` rows, phase, container states and latest events.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import type { Simulation } from '../../engine/index.ts';
import { useT, type MessageKey } from '../../i18n/index.ts';
import { comparisons, getScenario, type Scenario } from '../../scenarios/index.ts';
import '../../styles/lessons.css';
import { formatClock } from '../format.ts';
import { plain, RichText } from '../gallery/RichText.tsx';
import type { CompareViewProps } from './CompareView.tsx';
import { createTwin, type Twin } from './twin.ts';

const SPEEDS = [1, 4, 10, 30, 100];

export default function ComparePanel({ pair, onClose }: CompareViewProps) {
  const t = useT();
  const id = useId();
  const pairs = comparisons;
  const [pairIndex, setPairIndex] = useState(() => {
    const i = pair ? pairs.findIndex(([a, b]) => a === pair[0] && b === pair[1]) : 0;
    return i < 0 ? 0 : i;
  });
  const variants = useMemo<Scenario[]>(() => {
    const ids =
      pair && pairs.findIndex(([a, b]) => a === pair[0] && b === pair[1]) < 0
        ? pair
        : pairs[pairIndex]!;
    return ids.map((x) => getScenario(x)).filter((s): s is Scenario => !!s);
  }, [pair, pairs, pairIndex]);

  const [twin, setTwin] = useState<Twin>(() => createTwin(variants));
  const [forVariants, setForVariants] = useState(variants);
  const [now, setNow] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);
  const last = useRef<number | undefined>(undefined);
  if (forVariants !== variants) {
    // Another pair: both runs start again from 0.
    setForVariants(variants);
    setTwin(createTwin(variants));
    setNow(0);
  }
  const restart = () => {
    setPlaying(false);
    setTwin(createTwin(variants));
    setNow(0);
  };
  /** Any instant: forward advances both runs; back replays them from 0 (deterministic). */
  const seek = (ms: number) => {
    let tw = twin;
    if (ms < tw.nowMs) {
      tw = createTwin(variants);
      setTwin(tw);
    }
    tw.advanceTo(ms);
    setNow(tw.nowMs);
  };
  const horizon = Math.max(600_000, Math.ceil(now / 60_000) * 60_000);

  useEffect(() => {
    if (!playing) {
      last.current = undefined;
      return;
    }
    let handle = 0;
    const tick = (wall: number) => {
      if (last.current !== undefined) {
        const dt = Math.min(250, wall - last.current) * speed;
        twin.advanceTo(Math.round(twin.nowMs + dt));
        setNow(twin.nowMs);
      }
      last.current = wall;
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [playing, speed, twin]);

  return (
    <section className="podscope-compare" aria-labelledby={`${id}-h`}>
      <header className="podscope-compare-bar">
        <h2 id={`${id}-h`} className="podscope-editor-title">
          {t('compare.title')}
        </h2>
        <label>
          {t('compare.pair')}{' '}
          <select
            value={pairIndex}
            onChange={(e) => {
              setPlaying(false);
              setPairIndex(Number(e.target.value));
            }}
          >
            {pairs.map(([a, b], i) => (
              <option key={`${a}|${b}`} value={i}>
                {plain(t(getScenario(a)!.titleKey as MessageKey))} ↔{' '}
                {plain(t(getScenario(b)!.titleKey as MessageKey))}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="podscope-btn podscope-btn--primary"
          onClick={() => setPlaying((p) => !p)}
        >
          {playing ? t('compare.pause') : t('compare.play')}
        </button>
        <button type="button" className="podscope-btn" onClick={restart}>
          {t('compare.restart')}
        </button>
        <label>
          {t('compare.speed')}{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="podscope-compare-clock" role="timer" aria-label={t('compare.clock')}>
          {formatClock(now)}
        </span>
        <input
          type="range"
          className="podscope-compare-scrub"
          aria-label={t('compare.seek')}
          aria-valuetext={formatClock(now)}
          min={0}
          max={horizon}
          step={1000}
          value={now}
          onChange={(e) => seek(Number(e.target.value))}
        />
        {onClose && (
          <button type="button" className="podscope-btn" onClick={onClose}>
            {t('compare.close')}
          </button>
        )}
      </header>
      <div className="podscope-compare-grid">
        {variants.map((s, i) => (
          <Side
            key={s.id}
            scenario={s}
            sim={twin.sims[i]!}
            now={now}
            label={i === 0 ? t('compare.left') : t('compare.right')}
          />
        ))}
      </div>
    </section>
  );
}

function stateText(c: ContainerStatus): string {
  const st = c.state;
  // Worded as `kubectl describe pod` prints a container's State (never translated).
  if (st?.running) return `Running, Ready: ${c.ready ? 'True' : 'False'}`;
  if (st?.waiting) return `Waiting, Reason: ${st.waiting.reason ?? ''}`;
  if (st?.terminated)
    return `Terminated, Reason: ${st.terminated.reason ?? ''}, Exit Code: ${st.terminated.exitCode}`;
  return '—';
}

function Side({
  scenario,
  sim,
  now,
  label,
}: {
  scenario: Scenario;
  sim: Simulation;
  now: number;
  label: string;
}) {
  const t = useT();
  // `now` changes every animation frame: read the simulation afresh for it.
  const view = useMemo(() => {
    void now;
    const pods = sim.pods();
    return {
      rows: sim.printRows(),
      pods,
      events: sim.events().slice(-4),
    };
  }, [sim, now]);
  const pod = view.pods[0];
  const statuses = [
    ...(pod?.status?.initContainerStatuses ?? []),
    ...(pod?.status?.containerStatuses ?? []),
  ];
  return (
    <article
      className="podscope-compare-side"
      aria-label={t('lessons.labelled', {
        what: label,
        title: plain(t(scenario.titleKey as MessageKey)),
      })}
    >
      <h3>{plain(t(scenario.titleKey as MessageKey))}</h3>
      <p>
        <RichText text={t(scenario.pointKey as MessageKey)} />
      </p>
      {view.rows.length === 0 ? (
        <p>{t('compare.noPod')}</p>
      ) : (
        <table className="podscope-kubectl-mini">
          <thead>
            <tr>
              <th scope="col">NAME</th>
              <th scope="col">READY</th>
              <th scope="col">STATUS</th>
              <th scope="col">RESTARTS</th>
              <th scope="col">AGE</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.name}>
                <td>{r.name}</td>
                <td>{r.ready}</td>
                <td>{r.status}</td>
                <td>{r.restarts}</td>
                <td>{r.age}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pod && (
        <ul className="podscope-compare-containers">
          <li>
            <code>phase</code>: <samp>{pod.status?.phase ?? '—'}</samp>
          </li>
          {statuses.map((c) => (
            <li key={c.name}>
              <code>{c.name}</code>:{' '}
              <samp>
                {stateText(c)}, Restart Count: {c.restartCount ?? 0}
              </samp>
            </li>
          ))}
        </ul>
      )}
      <ul className="podscope-compare-events">
        {view.events.map((e, i) => (
          <li key={i}>
            <samp>
              {formatClock(e.atMs)} {e.type} {e.reason}: {e.message}
            </samp>
          </li>
        ))}
      </ul>
    </article>
  );
}
