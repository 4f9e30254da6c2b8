import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../../i18n/index.ts';
import { FaultMenu } from '../../faults/FaultMenu.tsx';
import { usePodHeader, useRow } from '../../hooks.ts';
import { SettingsButton } from '../../settings/SettingsDialog.tsx';
import { WhyStatus } from '../../why/WhyStatus.tsx';
import type { AnatomyNode } from '../layout.ts';
import { statusTone } from '../model.ts';

/** The pod box: name, IP, kubectl's READY / STATUS / RESTARTS (each explains itself), policy, owner. */
export const PodNode = memo(function PodNode({ data }: NodeProps<AnatomyNode>) {
  const t = useT();
  const pod = usePodHeader(data.podName);
  const row = useRow(data.podName);
  if (!pod) return null;
  const status = row?.status ?? pod.phase;
  const goneNote = pod.owner
    ? t('anatomy.pod.goneOwned', { owner: pod.owner })
    : t('anatomy.pod.goneBare');
  return (
    <section
      className={`podscope-pod${pod.gone ? ' podscope-pod--gone' : ''}${pod.deleting ? ' podscope-pod--deleting' : ''}`}
      aria-label={t('anatomy.pod', { name: pod.name })}
      data-detail={data.detail}
    >
      <header className="podscope-pod-head">
        <div className="podscope-pod-row">
          <h2 className="podscope-pod-name" title={pod.name}>
            {pod.name}
          </h2>
          <code className="podscope-pod-ip" title={pod.ip || undefined}>
            {pod.ip || t('anatomy.pod.noIp')}
          </code>
          <span className="podscope-pod-chips">
            <WhyStatus
              column="status"
              value={status}
              podName={pod.name}
              className={`podscope-chip podscope-chip--status podscope-tone-${statusTone(status)}`}
            />
            {row && (
              <>
                <WhyStatus
                  column="ready"
                  value={row.ready}
                  podName={pod.name}
                  className="podscope-chip podscope-chip--plain"
                >
                  READY {row.ready}
                </WhyStatus>
                <WhyStatus
                  column="restarts"
                  value={row.restarts}
                  podName={pod.name}
                  className="podscope-chip podscope-chip--plain"
                >
                  RESTARTS {row.restarts}
                </WhyStatus>
              </>
            )}
            {pod.deleting && !pod.gone && (
              <span className="podscope-chip podscope-tone-warn">{t('anatomy.pod.deleting')}</span>
            )}
          </span>
        </div>
        <div className="podscope-pod-row">
          <code className="podscope-pod-policy">restartPolicy: {pod.restartPolicy}</code>
          {pod.gone ? (
            // Gone: what happens next takes the place of the owner and the (useless) buttons.
            <span className="podscope-pod-gone" role="note" title={goneNote}>
              {goneNote}
            </span>
          ) : (
            <>
              <span
                className="podscope-pod-owner"
                title={pod.owner ? t('anatomy.pod.owner', { owner: pod.owner }) : undefined}
              >
                {pod.owner ? t('anatomy.pod.owner', { owner: pod.owner }) : t('anatomy.pod.bare')}
              </span>
              <span className="podscope-pod-spacer" />
              <span className="podscope-pod-actions">
                <SettingsButton podName={pod.name} disabled={!!pod.owner} />
                <FaultMenu podName={pod.name} gone={false} />
              </span>
            </>
          )}
        </div>
      </header>
    </section>
  );
});
