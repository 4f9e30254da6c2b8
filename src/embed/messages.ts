/**
 * Strings of the embed surface (share dialog, notices), per locale. Kept beside the embed code
 * so the surface ships whole; same rules as src/i18n (Kubernetes words stay as kubectl prints them).
 */
import type { AnyLocale } from '../i18n/index.ts';

const en = {
  'share.button': 'Share / Embed',
  'share.buttonShort': 'Share',
  'share.title': 'Share or embed this run',
  'share.intro':
    'The link holds the whole run — manifest, seed, actions, the current time and speed — so whoever opens it sees exactly this.',
  'share.close': 'Close',
  'share.copy': 'Copy',
  'share.copied': 'Copied to the clipboard.',
  'share.copyFailed': 'Could not copy: select the text and copy it by hand.',
  'share.preparing': 'Preparing the link…',
  'share.link': 'Link',
  'share.iframe': 'iframe',
  'share.element': 'Web component',
  'share.docusaurus': 'Docusaurus (MDX)',
  'share.vitepress': 'VitePress (Markdown)',
  'share.mkdocs': 'MkDocs (Markdown)',
  'share.elementNote':
    'Serve the dist-embed folder (from npm run build:embed) next to the app: pod-scope.js loads the rest from beside it.',
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
  'share.title': '分享或嵌入本次运行',
  'share.intro':
    '链接包含整个运行——清单、随机种子、操作、当前时间和速度——打开它的人会看到完全相同的内容。',
  'share.close': '关闭',
  'share.copy': '复制',
  'share.copied': '已复制到剪贴板。',
  'share.copyFailed': '无法复制：请选中文本后手动复制。',
  'share.preparing': '正在生成链接…',
  'share.link': '链接',
  'share.iframe': 'iframe',
  'share.element': 'Web 组件',
  'share.docusaurus': 'Docusaurus（MDX）',
  'share.vitepress': 'VitePress（Markdown）',
  'share.mkdocs': 'MkDocs（Markdown）',
  'share.elementNote':
    '将 dist-embed 文件夹（由 npm run build:embed 生成）与应用放在同一位置：pod-scope.js 会从同一位置加载其余文件。',
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
