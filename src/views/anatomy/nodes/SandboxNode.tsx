import { Handle, Position, type NodeProps } from '@xyflow/react';
import { m } from 'framer-motion';
import { memo } from 'react';
import { useT } from '../../../i18n/index.ts';
import { usePodHeader } from '../../hooks.ts';
import type { AnatomyNode, NamespaceWire } from '../layout.ts';

/** Where the containers' namespace wires arrive, under each card. */
function WireEnds({ wires }: { wires: readonly NamespaceWire[] | undefined }) {
  return (
    <>
      {wires?.map((w) => (
        <Handle
          key={w.container}
          type="target"
          position={Position.Top}
          id={`ns-${w.container}`}
          isConnectable={false}
          style={{ left: w.x }}
        />
      ))}
    </>
  );
}

/** The pause container as the foundation: one band per shared namespace. */
export const SandboxNode = memo(function SandboxNode({ data }: NodeProps<AnatomyNode>) {
  const t = useT();
  const pod = usePodHeader(data.podName);
  if (!pod) return null;
  const ready = pod.sandbox.ready;
  if (data.detail === 'compact' || data.detail === 'narrow')
    return (
      <section
        className={`podscope-sandbox podscope-sandbox--condensed${ready ? '' : ' podscope-sandbox--down'}`}
        aria-label={t('anatomy.sandbox')}
        data-detail={data.detail}
      >
        <WireEnds wires={data.wires} />
        <header className="podscope-sandbox-head">
          <h3>pause</h3>
          <span title={t('anatomy.sandbox.desc', { attempt: pod.sandbox.attempt })}>
            {t('anatomy.sandbox.attempt', { attempt: pod.sandbox.attempt })}
          </span>
          {!ready && (
            <span className="podscope-chip podscope-tone-bad">{t('anatomy.sandbox.notReady')}</span>
          )}
        </header>
        <ul className="podscope-ns-chips" aria-label={t('anatomy.ns.sharedLabel')}>
          <li className="podscope-ns-label" aria-hidden="true">
            {t('anatomy.ns.sharedLabel')}
          </li>
          <li title={`${t('anatomy.ns.net')} ${pod.ip}`}>
            <b>{t('anatomy.ns.netShort')}</b> <code>{pod.ip || t('anatomy.pod.noIp')}</code>
          </li>
          <li title={`${t('anatomy.ns.uts')} ${pod.hostname}`}>
            <b>UTS</b> <code>{pod.hostname}</code>
          </li>
          <li title={t('anatomy.ns.ipc')}>
            <b>IPC</b>
          </li>
          <li
            className={pod.pidShared ? undefined : 'podscope-ns--private'}
            title={pod.pidShared ? t('anatomy.ns.pidShared') : t('anatomy.ns.pidPer')}
          >
            <b>{pod.pidShared ? 'PID' : t('anatomy.ns.pidPerShort')}</b>
          </li>
        </ul>
      </section>
    );
  return (
    <m.section
      className={`podscope-sandbox${ready ? '' : ' podscope-sandbox--down'}`}
      aria-label={t('anatomy.sandbox')}
      key={pod.sandbox.attempt}
      initial={{ y: 14, scale: 0.98 }}
      animate={{ y: 0, scale: 1 }}
      transition={{ type: 'spring', stiffness: 220, damping: 20 }}
    >
      <WireEnds wires={data.wires} />
      <header className="podscope-sandbox-head">
        <h3>pause</h3>
        <code>registry.k8s.io/pause:3.10</code>
        <span>{t('anatomy.sandbox.desc', { attempt: pod.sandbox.attempt })}</span>
        {!ready && (
          <span className="podscope-chip podscope-tone-bad">{t('anatomy.sandbox.notReady')}</span>
        )}
      </header>
      <div className="podscope-ns-bands">
        <div className="podscope-ns">
          <h4>{t('anatomy.ns.net')}</h4>
          <p>
            <code>{pod.ip ? t('anatomy.ns.ip', { ip: pod.ip }) : t('anatomy.pod.noIp')}</code>
          </p>
          <p>
            {pod.ports.length ? (
              <code>
                {pod.ports
                  .map((p) => `:${p.port}${p.container ? ` ${p.container}` : ''}`)
                  .join(' · ')}
              </code>
            ) : (
              t('anatomy.ns.noPorts')
            )}
          </p>
        </div>
        <div className="podscope-ns">
          <h4>{t('anatomy.ns.uts')}</h4>
          <p>
            <code>{t('anatomy.ns.hostname', { name: pod.hostname })}</code>
          </p>
        </div>
        <div className="podscope-ns">
          <h4>{t('anatomy.ns.ipc')}</h4>
          <p>{t('anatomy.ns.ipcBody')}</p>
        </div>
        <div className={`podscope-ns${pod.pidShared ? '' : ' podscope-ns--private'}`}>
          <h4>{pod.pidShared ? t('anatomy.ns.pidShared') : t('anatomy.ns.pidPer')}</h4>
          {pod.pidShared ? (
            <ul className="podscope-ps">
              {pod.processes.map((p) => (
                <li key={`${p.pid}-${p.container ?? ''}`}>
                  <code>
                    {p.pid} {p.command}
                    {p.state === 'zombie' ? ' <defunct>' : ''}
                  </code>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('anatomy.ns.pidPerBody')}</p>
          )}
          {pod.pidShared && <p className="podscope-ns-note">{t('anatomy.ns.pause')}</p>}
        </div>
      </div>
    </m.section>
  );
});
