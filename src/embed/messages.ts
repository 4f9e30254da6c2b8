/**
 * Strings of the embed surface (share dialog, notices), per locale. Kept beside the embed code
 * so the surface ships whole; same rules as src/i18n (Kubernetes words stay as kubectl prints them).
 */
import type { AnyLocale } from '../i18n/index.ts';

const en = {
  'share.button': 'Share / Embed',
  'share.buttonShort': 'Share',
  'notice.dismiss': 'Dismiss',
  'notice.outdated':
    'This link was made by another version of Podscope and cannot be opened here ({detail}). Showing the default scenario instead.',
  'notice.corrupt':
    'This link is damaged or was changed ({detail}). Showing the default scenario instead.',
  'notice.invalid':
    'This link does not describe a run Podscope can replay ({detail}). Showing the default scenario instead.',
  'notice.unknownScenario': 'There is no scenario “{id}”. Showing the default scenario instead.',
} as const;

export type EmbedMessageKey = keyof typeof en;

const zhCN: { readonly [K in EmbedMessageKey]: string } = {
  'share.button': '分享 / 嵌入',
  'share.buttonShort': '分享',
  'notice.dismiss': '关闭',
  'notice.outdated':
    '此链接由其他版本的 Podscope 生成，无法在此打开（{detail}）。改为显示默认场景。',
  'notice.corrupt': '此链接已损坏或被修改（{detail}）。改为显示默认场景。',
  'notice.invalid': '此链接描述的运行无法重放（{detail}）。改为显示默认场景。',
  'notice.unknownScenario': '没有名为“{id}”的场景。改为显示默认场景。',
};

export function embedText(
  locale: AnyLocale,
  key: EmbedMessageKey,
  params: Readonly<Record<string, string>> = {},
): string {
  const text = locale === 'zh-CN' ? zhCN[key] : en[key];
  const filled = text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  return locale === 'pseudo' ? `⟦${filled}⟧` : filled;
}
