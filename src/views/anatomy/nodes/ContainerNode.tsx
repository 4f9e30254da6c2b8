import { Handle, Position, type NodeProps } from '@xyflow/react';
import { m } from 'framer-motion';
import { memo, useState } from 'react';
import { useT, type Translate } from '../../../i18n/index.ts';
import { FaultMenu } from '../../faults/FaultMenu.tsx';
import { useContainer, usePodHeader } from '../../hooks.ts';
import { WhyStatus } from '../../why/WhyStatus.tsx';
import { BackOffRing } from '../BackOffRing.tsx';
import type { AnatomyNode } from '../layout.ts';
import type { ContainerVM } from '../model.ts';

function pullLine(t: Translate, c: ContainerVM, node: string): string {
  const policy = c.pullPolicy;
  const present = c.pull?.presentOnNode;
  let line: string;
  if (policy === 'Never')
    line =
      present === false
        ? t('anatomy.pull.neverMissing', { node })
        : t('anatomy.pull.never', { node });
  else if (policy === 'Always') line = t('anatomy.pull.always', { policy });
  else
    line =
      present === false
        ? t('anatomy.pull.missing', { policy, node })
        : t('anatomy.pull.noPull', { policy, node });
  return line;
}

function kindLabel(t: Translate, c: ContainerVM): string {
  if (c.kind === 'init') return t('anatomy.kind.init', { n: c.order });
  if (c.kind === 'sidecar') return t('anatomy.kind.sidecar', { n: c.order });
  return t('anatomy.kind.app');
}

const DOING: Partial<
  Record<
    ContainerVM['activity'],
    'anatomy.doing.pulling' | 'anatomy.doing.creating' | 'anatomy.doing.terminating'
  >
> = {
  pulling: 'anatomy.doing.pulling',
  creating: 'anatomy.doing.creating',
  terminating: 'anatomy.doing.terminating',
};

/** One container: image, state in the kubelet's words, restarts, readiness, probes, ports, exits, pull decision. */
export const ContainerNode = memo(function ContainerNode({ data }: NodeProps<AnatomyNode>) {
  const t = useT();
  const c = useContainer(data.podName, data.name);
  const pod = usePodHeader(data.podName);
  // Compact cards show their details on hover, focus or tap.
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [pinned, setPinned] = useState(false);
  if (!c || !pod) return null;
  const compact = data.detail === 'compact' || data.detail === 'narrow';
  const showDetails = !compact || hover || focus || pinned;
  const doing = DOING[c.activity];
  const untagged = !/:[^/]+$/.test(c.image.split('@')[0] ?? '') && !c.image.includes('@');
  return (
    <article
      className={`podscope-card podscope-tone-${c.tone} podscope-kind-${c.kind}${compact ? ' podscope-card--compact' : ''}${compact && showDetails ? ' podscope-card--open' : ''}`}
      aria-label={t('anatomy.card', { name: c.name })}
      data-state={c.reason}
      {...(compact
        ? {
            onMouseEnter: () => setHover(true),
            onMouseLeave: () => setHover(false),
            onFocus: () => setFocus(true),
            onBlur: (e: React.FocusEvent) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocus(false);
            },
            onClick: (e: React.MouseEvent) => {
              if (!(e.target as HTMLElement).closest('button')) setPinned((p) => !p);
            },
          }
        : {})}
    >
      <Handle type="target" position={Position.Left} id="l" isConnectable={false} />
      <Handle type="source" position={Position.Right} id="r" isConnectable={false} />
      <Handle type="source" position={Position.Bottom} id="b" isConnectable={false} />
      <Handle type="target" position={Position.Bottom} id="bt" isConnectable={false} />
      <Handle
        type="target"
        position={Position.Right}
        id="m"
        isConnectable={false}
        className="podscope-handle-mount"
      />
      <Handle type="target" position={Position.Top} id="t" isConnectable={false} />
      <header className="podscope-card-head">
        <div className="podscope-card-title">
          <span className="podscope-card-kind">{kindLabel(t, c)}</span>
          <h3 className="podscope-card-name" title={c.name}>
            {c.name}
          </h3>
        </div>
        {!compact && c.backOffUntilMs !== undefined && c.state !== 'running' && (
          <BackOffRing untilMs={c.backOffUntilMs} totalMs={c.backOffMs} />
        )}
      </header>
      <div className="podscope-card-chips">
        <WhyStatus
          column="container"
          containerKind={c.kind}
          value={c.reason}
          podName={pod.name}
          className={`podscope-chip podscope-tone-${c.tone}`}
        >
          {/* The new state pops in (keyed by reason); the button, and an open "Why?", stay. */}
          <m.span
            key={c.reason}
            className="podscope-chip-text"
            initial={{ scale: 0.8 }}
            animate={{ scale: 1 }}
            transition={{ type: 'spring', stiffness: 500, damping: 22 }}
          >
            {c.reason}
          </m.span>
        </WhyStatus>
        {/* Readiness is a running app container's or sidecar's; init containers have none. */}
        {c.state === 'running' && c.kind !== 'init' && (
          <span className={`podscope-chip ${c.ready ? 'podscope-tone-ok' : 'podscope-tone-warn'}`}>
            {c.ready ? t('anatomy.ready') : t('anatomy.notReady')}
          </span>
        )}
        <m.span
          key={`r${c.restartCount}`}
          className="podscope-restarts"
          initial={{ scale: c.restartCount ? 1.5 : 1 }}
          animate={{ scale: 1 }}
          transition={{ type: 'spring', stiffness: 400, damping: 14 }}
        >
          <span aria-hidden="true">↻ {c.restartCount}</span>
          <span className="podscope-sr-only">
            {t('anatomy.restarts', { count: c.restartCount })}
          </span>
        </m.span>
        {compact && c.backOffUntilMs !== undefined && c.state !== 'running' && (
          <BackOffRing untilMs={c.backOffUntilMs} totalMs={c.backOffMs} />
        )}
      </div>
      {compact && (
        <div className="podscope-card-foot">
          <FaultMenu podName={pod.name} container={c.name} gone={pod.gone} />
        </div>
      )}
      {showDetails && (
        <div className="podscope-card-details">
          <p className="podscope-card-image">
            <code title={c.image}>{c.image}</code>
          </p>
          {doing && (
            <m.p className="podscope-card-doing" initial={{ opacity: 0 }} animate={{ opacity: 1 }}>
              {t(doing)}
            </m.p>
          )}
          <ul className="podscope-card-facts">
            {c.ports.length > 0 && <li>{c.ports.map((p) => `:${p}`).join(' ')}</li>}
            {c.state === 'terminated' && c.exitCode !== undefined && (
              <li>{t('anatomy.exit', { code: c.exitCode })}</li>
            )}
            {c.lastExit && (
              <li>{t('anatomy.lastExit', { code: c.lastExit.code, reason: c.lastExit.reason })}</li>
            )}
            {c.probes.map((p) => (
              /* Probes run only once the container has started; before that, only say they exist. */
              <li
                key={p.kind}
                className={
                  (p.result === 'Failure' && c.state === 'running') || p.faulted
                    ? 'podscope-fact-bad'
                    : undefined
                }
              >
                {t('anatomy.probe', {
                  type: p.kind,
                  result: p.faulted
                    ? t('anatomy.probe.injected')
                    : p.result && c.state === 'running'
                      ? t(`anatomy.probe.${p.result}`)
                      : t('anatomy.probe.none'),
                })}
              </li>
            ))}
          </ul>
          <p className="podscope-card-pull">
            {pullLine(t, c, pod.nodeName || 'node')}
            {untagged && c.pullPolicy === 'Always' ? ` (${t('anatomy.pull.latest')})` : ''}
          </p>
          {!compact && (
            <div className="podscope-card-foot">
              <FaultMenu podName={pod.name} container={c.name} gone={pod.gone} />
            </div>
          )}
        </div>
      )}
    </article>
  );
});
