import { memo, type ReactNode } from 'react';
import { useLocale, useT, type Locale } from '../../i18n/index.ts';
import { usePodscope } from '../../store/StoreProvider.tsx';
import type { Theme } from '../../store/createPodscopeStore.ts';

const LOCALES: { id: Locale; label: string; lang: string }[] = [
  { id: 'en', label: 'EN', lang: 'en' },
  { id: 'zh-CN', label: '中文', lang: 'zh-CN' },
];
const THEMES: Theme[] = ['auto', 'light', 'dark'];
/** On a phone the theme buttons show a sign (their names stay their accessible names). */
const THEME_SIGN: Record<Theme, string> = { auto: '◐', light: '☀', dark: '☾' };

export const Header = memo(function Header({
  actions,
  onPresent,
  onHelp,
}: {
  actions?: ReactNode;
  onPresent?: () => void;
  /** Opens the key help (also the `?` key). */
  onHelp?: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const theme = usePodscope((s) => s.theme);
  const setTheme = usePodscope((s) => s.setTheme);
  const setLocale = usePodscope((s) => s.setLocale);
  return (
    <header className="podscope-header">
      <h1 className="podscope-logo">
        Pod<span>scope</span>
      </h1>
      <p className="podscope-tagline">{t('app.tagline')}</p>
      <span className="podscope-header-spacer" />
      {actions}
      {onHelp && (
        <button
          type="button"
          className="podscope-btn podscope-help-btn"
          onClick={onHelp}
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          title={t('help.openHint')}
        >
          {t('help.open')}
          <kbd className="podscope-kbd podscope-keyhint" aria-hidden="true">
            ?
          </kbd>
        </button>
      )}
      {onPresent && (
        <button
          type="button"
          className="podscope-btn podscope-present-btn"
          onClick={onPresent}
          aria-keyshortcuts="M"
          title={t('present.hint')}
        >
          {t('present.enter')}
          <kbd className="podscope-kbd podscope-keyhint" aria-hidden="true">
            M
          </kbd>
        </button>
      )}
      <div className="podscope-seg" role="group" aria-label={t('locale.label')}>
        {LOCALES.map((l) => (
          <button
            key={l.id}
            type="button"
            lang={l.lang}
            className="podscope-seg-btn"
            aria-pressed={locale === l.id}
            onClick={() => setLocale(l.id)}
          >
            {l.label}
          </button>
        ))}
      </div>
      <div className="podscope-seg" role="group" aria-label={t('theme.label')}>
        {THEMES.map((th) => (
          <button
            key={th}
            type="button"
            className="podscope-seg-btn"
            aria-pressed={theme === th}
            onClick={() => setTheme(th)}
          >
            <span className="podscope-phone-only" aria-hidden="true">
              {THEME_SIGN[th]}
            </span>
            <span className="podscope-phone-sr">{t(`theme.${th}`)}</span>
          </button>
        ))}
      </div>
    </header>
  );
});
