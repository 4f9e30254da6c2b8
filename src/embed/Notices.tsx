import { useState } from 'react';
import { useLocale } from '../i18n/index.ts';
import { embedText, type EmbedMessageKey } from './messages.ts';

export interface Notice {
  key: EmbedMessageKey;
  params?: Record<string, string>;
}

/** Messages about what could not be opened (a damaged link, an unknown scenario); dismissible. */
export function Notices({ notices }: { notices: readonly Notice[] }) {
  const locale = useLocale();
  const [dismissed, setDismissed] = useState<readonly Notice[]>([]);
  const shown = notices.filter((n) => !dismissed.includes(n));
  if (shown.length === 0) return null;
  return (
    <div className="podscope-notices">
      {shown.map((n, i) => (
        <div key={i} className="podscope-notice" role="alert">
          <p>{embedText(locale, n.key, n.params)}</p>
          <button
            type="button"
            className="podscope-btn"
            onClick={() => setDismissed((d) => [...d, n])}
          >
            {embedText(locale, 'notice.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
