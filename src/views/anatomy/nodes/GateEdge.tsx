import { BaseEdge, EdgeLabelRenderer, getStraightPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../../i18n/index.ts';
import { anatomyOf, podOf, useStableSelect } from '../../hooks.ts';

/**
 * The gate between the init containers and the app containers: closed (⊘) until the pod's
 * Initialized condition is True, then open (a check). The kubelet starts no app container before that.
 */
export const GateEdge = memo(function GateEdge(props: EdgeProps) {
  const t = useT();
  const podName = (props.data as { podName?: string } | undefined)?.podName ?? '';
  const open = useStableSelect((s) => podOf(anatomyOf(s), podName)?.initialized ?? false);
  const [path, labelX, labelY] = getStraightPath(props);
  const label = open ? t('anatomy.gate.open') : t('anatomy.gate.closed');
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        className={`podscope-edge-gate${open ? ' podscope-edge-gate--open' : ''}`}
      />
      <EdgeLabelRenderer>
        <span
          className={`podscope-gate nodrag nopan${open ? ' podscope-gate--open' : ''}`}
          role="img"
          aria-label={label}
          title={label}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          <span aria-hidden="true">{open ? '✓' : '⊘'}</span>
        </span>
      </EdgeLabelRenderer>
    </>
  );
});
