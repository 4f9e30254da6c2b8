import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../../i18n/index.ts';
import { anatomyOf, useStableSelect } from '../../hooks.ts';
import type { AnatomyNode } from '../layout.ts';

/** A cluster node: the box the kubelet manages, holding its pods. */
export const K8sNode = memo(function K8sNode({ data }: NodeProps<AnatomyNode>) {
  const t = useT();
  const ready = useStableSelect(
    (s) => anatomyOf(s).nodes.find((n) => n.name === data.name)?.ready ?? true,
  );
  if (data.idle)
    return (
      <div className={`podscope-knode podscope-knode--idle${ready ? '' : ' podscope-knode--down'}`}>
        <p className="podscope-knode-label">
          {t('anatomy.node.idle', { name: data.name || '—' })}
          {!ready && (
            <span className="podscope-chip podscope-tone-bad">{t('anatomy.nodeNotReady')}</span>
          )}
        </p>
      </div>
    );
  return (
    <div className={`podscope-knode${ready ? '' : ' podscope-knode--down'}`}>
      <p className="podscope-knode-label">
        {t('anatomy.node', { name: data.name || '—' })}
        {!ready && (
          <span className="podscope-chip podscope-tone-bad">{t('anatomy.nodeNotReady')}</span>
        )}
      </p>
    </div>
  );
});

/** A lane label inside the pod. */
export const LaneNode = memo(function LaneNode({ data }: NodeProps<AnatomyNode>) {
  const t = useT();
  const short = data.detail === 'compact' || data.detail === 'narrow';
  const long = data.name === 'init' ? t('anatomy.lane.init') : t('anatomy.lane.app');
  const text = !short
    ? long
    : data.name === 'init'
      ? t('anatomy.lane.initShort')
      : t('anatomy.lane.appShort');
  return (
    <p className="podscope-lane" title={long}>
      {text}
    </p>
  );
});
