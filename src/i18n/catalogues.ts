/**
 * Where each locale's texts come from. A catalogue is split like the app: `base` holds the texts
 * of the first screen, fetched when an instance opens or switches to the locale (so a page loads
 * only the language it shows); each lazy feature's texts (`scenarios`: gallery, editor, compare;
 * `lessons`) are fetched with the feature. `en.ts` and `zh-CN.ts` assemble the whole catalogues
 * for the types and the tests.
 */
import type { MessageKey } from './en.ts';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
/** A test-only locale that wraps every key, to find strings that bypass translation. */
export type AnyLocale = Locale | 'pseudo';

/** The texts a lazy feature brings; see `loadMessages`. */
export type Part = 'scenarios' | 'lessons';
export type Catalogue = Partial<Record<MessageKey, string>>;

export const loaders: Record<Locale, Record<'base' | Part, () => Promise<Catalogue>>> = {
  en: {
    base: () => import('./base.en.ts').then((m) => m.baseEn),
    scenarios: () => import('./messages/scenarios.en.ts').then((m) => m.scenariosEn),
    lessons: () => import('./messages/lessons.en.ts').then((m) => m.lessonsEn),
  },
  'zh-CN': {
    base: () => import('./base.zh-CN.ts').then((m) => m.baseZh),
    scenarios: () => import('./messages/scenarios.zh-CN.ts').then((m) => m.scenariosZh),
    lessons: () => import('./messages/lessons.zh-CN.ts').then((m) => m.lessonsZh),
  },
};
