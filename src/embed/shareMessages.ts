/**
 * Strings of the Share / Embed dialog (loaded with it), per locale; same rules as messages.ts.
 */
import type { AnyLocale } from '../i18n/index.ts';

const en = {
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
} as const;

export type ShareMessageKey = keyof typeof en;

const zhCN: { readonly [K in ShareMessageKey]: string } = {
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
};

export function shareText(locale: AnyLocale, key: ShareMessageKey): string {
  const text = locale === 'zh-CN' ? zhCN[key] : en[key];
  return locale === 'pseudo' ? `⟦${text}⟧` : text;
}
