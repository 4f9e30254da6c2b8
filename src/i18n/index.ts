import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type { MessageKey, Messages } from './en.ts';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
/** A test-only locale that wraps every key, to find strings that bypass translation. */
export type AnyLocale = Locale | 'pseudo';

const catalogues: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translator(locale: AnyLocale): Translate {
  if (locale === 'pseudo') return (key, params) => `⟦${fill(en[key], params)}⟧`;
  const messages = catalogues[locale];
  return (key, params) => fill(messages[key], params);
}

/** Picks a supported locale from a list such as `navigator.languages`. */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function isLocale(value: unknown): value is AnyLocale {
  return value === 'en' || value === 'zh-CN' || value === 'pseudo';
}

const I18nContext = createContext<{ locale: AnyLocale; t: Translate }>({
  locale: 'en',
  t: translator('en'),
});

/** Provides a locale to one mounted instance; writes nothing to the document. */
export function I18nProvider({ locale, children }: { locale: AnyLocale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return createElement(I18nContext.Provider, { value }, children);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLocale(): AnyLocale {
  return useContext(I18nContext).locale;
}
