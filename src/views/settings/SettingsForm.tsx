import { useState, type RefObject } from 'react';
import { useT } from '../../i18n/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import { defaultPullPolicy } from '../anatomy/model.ts';
import { Popover } from '../ui/Popover.tsx';
import { editManifest, readSettings, type SettingEdit } from './manifestEdit.ts';

/** The open settings of `SettingsDialog.tsx`: each change rewrites the manifest. */
export default function SettingsForm({
  anchor,
  podName,
  onClose,
}: {
  anchor: RefObject<HTMLButtonElement | null>;
  podName: string;
  onClose: () => void;
}) {
  const t = useT();
  const run = usePodscope((s) => s.run);
  const load = usePodscope((s) => s.load);
  const settings = readSettings(run.manifest);
  const [grace, setGrace] = useState(String(settings?.terminationGracePeriodSeconds ?? 30));
  if (!settings) return null;
  const apply = (edit: SettingEdit) => {
    load({ ...run, manifest: editManifest(run.manifest, edit), actions: [] });
  };
  const applyGrace = () => {
    const n = Math.max(0, Math.min(3600, Math.round(Number(grace))));
    if (Number.isFinite(n) && n !== (settings.terminationGracePeriodSeconds ?? 30))
      apply({ kind: 'terminationGracePeriodSeconds', value: n });
  };
  const id = `set-${podName}`;
  return (
    <Popover
      anchor={anchor}
      open
      onClose={onClose}
      label={t('settings.title', { name: podName })}
      className="podscope-settings"
    >
      <h2 className="podscope-pop-title">{t('settings.title', { name: podName })}</h2>
      <p className="podscope-settings-note">{t('settings.note')}</p>
      <div className="podscope-field">
        <label htmlFor={`${id}-rp`}>
          <code>{t('settings.restartPolicy')}</code>
        </label>
        <select
          id={`${id}-rp`}
          value={settings.restartPolicy ?? 'Always'}
          onChange={(e) => apply({ kind: 'restartPolicy', value: e.target.value as 'Always' })}
        >
          {['Always', 'OnFailure', 'Never'].map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
      </div>
      <div className="podscope-field podscope-field--check">
        <input
          id={`${id}-share`}
          type="checkbox"
          checked={!!settings.shareProcessNamespace}
          onChange={(e) => apply({ kind: 'shareProcessNamespace', value: e.target.checked })}
        />
        <label htmlFor={`${id}-share`}>
          <code>{t('settings.share')}</code>
        </label>
      </div>
      <div className="podscope-field">
        <label htmlFor={`${id}-grace`}>
          <code>{t('settings.grace')}</code>
        </label>
        <input
          id={`${id}-grace`}
          type="number"
          min={0}
          max={3600}
          inputMode="numeric"
          value={grace}
          onChange={(e) => setGrace(e.target.value)}
          onBlur={applyGrace}
          onKeyDown={(e) => {
            if (e.key === 'Enter') applyGrace();
          }}
        />
      </div>
      {settings.containers.map((c) => (
        <div className="podscope-field" key={c.name}>
          <label htmlFor={`${id}-pull-${c.name}`}>
            {t('settings.pullPolicy', { name: c.name })}
          </label>
          <select
            id={`${id}-pull-${c.name}`}
            value={c.imagePullPolicy ?? ''}
            onChange={(e) =>
              apply({
                kind: 'imagePullPolicy',
                container: c.name,
                value: e.target.value as 'Always',
              })
            }
          >
            {!c.imagePullPolicy && (
              <option value="">
                {t('settings.default', { value: defaultPullPolicy(c.image) })}
              </option>
            )}
            {['Always', 'IfNotPresent', 'Never'].map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </div>
      ))}
      <button type="button" className="podscope-btn podscope-btn--small" onClick={onClose}>
        {t('why.close')}
      </button>
    </Popover>
  );
}
