import { useState, useSyncExternalStore } from 'react';
import { useLocale } from '../i18n/index.ts';
import { embedText, type EmbedMessageKey } from './messages.ts';

export interface Notice {
  key: EmbedMessageKey;
  params?: Record<string, string>;
}

/** The notices of one instance; some arrive after mounting (a scenario loaded on demand). */
export interface NoticeList {
  get(): readonly Notice[];
  push(notice: Notice): void;
  subscribe(listener: () => void): () => void;
}

export function createNoticeList(initial: readonly Notice[] = []): NoticeList {
  let notices = [...initial];
  const listeners = new Set<() => void>();
  return {
    get: () => notices,
    push(notice) {
      notices = [...notices, notice];
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Messages about what could not be opened (a damaged link, an unknown scenario); dismissible. */
export function Notices({ list }: { list: NoticeList }) {
  const locale = useLocale();
  const notices = useSyncExternalStore(list.subscribe, list.get, list.get);
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
