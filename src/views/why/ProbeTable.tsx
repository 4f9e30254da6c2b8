/**
 * The probe tick table of one pod (the engine's `probeSchedule`): for each
 * probe of the newest run of each container, its last ticks — when it ran,
 * what it answered, the consecutive count and what the kubelet did.
 */
import { memo } from 'react';
import type { ProbeTick } from '../../engine/index.ts';
import { probeSchedule } from '../../engine/rules.ts';
import { useT } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useStableSelect } from '../hooks.ts';

/** Ticks shown per probe (the newest). */
const SHOWN = 6;

const ANSWER: Record<ProbeTick['outcome'], MessageKey> = {
  success: 'probes.answer.success',
  failure: 'probes.answer.failure',
  error: 'probes.answer.error',
  skipped: 'probes.answer.skipped',
};
const ACTED: Record<NonNullable<ProbeTick['acted']>, MessageKey> = {
  restart: 'probes.acted.restart',
  started: 'probes.acted.started',
  ready: 'probes.acted.ready',
  'not-ready': 'probes.acted.notReady',
};
const KIND: Record<ProbeTick['probe'], MessageKey> = {
  startup: 'probes.kind.startup',
  liveness: 'probes.kind.liveness',
  readiness: 'probes.kind.readiness',
};

export const ProbeTable = memo(function ProbeTable({ podName }: { podName: string }) {
  const t = useT();
  const rows = useStableSelect((s) => {
    const view = s.frame?.pods.find((p) => p.name === podName)?.runtime;
    if (!view) return [];
    const all = probeSchedule(view);
    // The newest run of each container only.
    const newest = new Map<string, number>();
    for (const r of all) newest.set(r.container, Math.max(newest.get(r.container) ?? 0, r.run));
    return all
      .filter((r) => r.run === newest.get(r.container))
      .map((r) => ({ ...r, ticks: r.ticks.slice(-SHOWN) }));
  });
  if (rows.length === 0) return null;
  return (
    <div className="podscope-probe-table">
      <h3>{t('probes.title')}</h3>
      <table>
        <caption className="podscope-sr-only">{t('probes.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('probes.col.probe')}</th>
            <th scope="col">{t('probes.col.at')}</th>
            <th scope="col">{t('probes.col.answer')}</th>
            <th scope="col">{t('probes.col.count')}</th>
            <th scope="col">{t('probes.col.kubelet')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((r) =>
            r.ticks.map((tick, i) => (
              <tr key={`${r.container}-${r.probe}-${tick.atMs}`}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={r.ticks.length}>
                    {r.container} · {t(KIND[r.probe])}
                  </th>
                ) : null}
                <td>{t('probes.at', { s: Math.floor(tick.sinceStartMs / 1000) })}</td>
                <td title={tick.output ?? undefined}>
                  {t(ANSWER[tick.outcome])}
                  {tick.output ? `: ${tick.output}` : ''}
                </td>
                <td>
                  {tick.outcome === 'skipped' || tick.outcome === 'error'
                    ? '–'
                    : tick.outcome === 'failure'
                      ? t('probes.count.failures', { n: tick.failures })
                      : t('probes.count.successes', { n: tick.successes })}
                </td>
                <td>{tick.acted ? t(ACTED[tick.acted]) : ''}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
});
