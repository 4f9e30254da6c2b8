import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../../i18n/index.ts';
import { useStableSelect, anatomyOf, podOf } from '../../hooks.ts';
import type { AnatomyNode } from '../layout.ts';

/** A pod volume, with where each container mounts it. */
export const VolumeNode = memo(function VolumeNode({ data }: NodeProps<AnatomyNode>) {
  const t = useT();
  const v = useStableSelect((s) =>
    podOf(anatomyOf(s), data.podName)?.volumes.find((x) => x.name === data.name),
  );
  if (!v) return null;
  if (data.detail === 'compact' || data.detail === 'narrow') {
    const names = v.mounts.map((mt) => mt.container).join(', ');
    // What is in it, in one line beside its name (the volume's data, not a container's view).
    const first = v.files[0];
    const more = v.files.length - 1;
    return (
      <section
        className="podscope-volume podscope-volume--compact"
        aria-label={`${v.type} ${v.name}`}
        title={[
          ...v.mounts.map((mt) => `${mt.container}:${mt.mountPath}`),
          ...v.files.map((f) => `${f.path}${f.size !== undefined ? ` · ${f.size} B` : ''}`),
        ].join('\n')}
      >
        <h3>
          <span className="podscope-volume-type">{v.type}</span> {v.name}
          {first && (
            <>
              {' · '}
              <code className="podscope-volume-file">
                {first.path}
                {more > 0 ? ` +${more}` : ''}
              </code>
            </>
          )}
        </h3>
        <p className="podscope-volume-note">{t('anatomy.volume.mountedBy', { names })}</p>
      </section>
    );
  }
  return (
    <section className="podscope-volume" aria-label={`${v.type} ${v.name}`}>
      <Handle type="source" position={Position.Left} id="l" isConnectable={false} />
      <h3>
        <span className="podscope-volume-type">{v.type}</span> {v.name}
      </h3>
      <ul>
        {v.mounts.map((mt) => (
          <li key={mt.container}>
            <code>
              {mt.container}:{mt.mountPath}
            </code>
          </li>
        ))}
      </ul>
      {v.files.length > 0 ? (
        <ul className="podscope-volume-files">
          {v.files.slice(0, 3).map((f) => (
            <li key={f.path}>
              <code>
                {f.path}
                {f.size !== undefined ? ` · ${f.size} B` : ''}
              </code>
            </li>
          ))}
          {v.files.length > 3 && <li>{t('anatomy.volume.more', { count: v.files.length - 3 })}</li>}
        </ul>
      ) : (
        <p className="podscope-volume-empty">{t('anatomy.volume.noFiles')}</p>
      )}
      <p className="podscope-volume-note">
        {t('anatomy.volume.mounts', { count: v.mounts.length })} ·{' '}
        {v.type === 'emptyDir'
          ? t('anatomy.volume.emptyDir')
          : t('anatomy.volume.other', { type: v.type })}
      </p>
    </section>
  );
});
