/**
 * The snippets of the Share / Embed dialog, built from the share fragment of the current run.
 * Pure (unit-tested). Every snippet embeds the same run; the iframe ones open in embed mode.
 */
import type { Locale } from '../i18n/index.ts';
import { formatEmbedParams, type PanelId, type Theme } from './params.ts';

export interface SnippetInput {
  /** The app's address (index.html or its folder); query and fragment are replaced. */
  appUrl: string;
  /** The share fragment of the run, without `#` (`v1=…`). */
  fragment: string;
  /** The run's manifest as YAML text, when the element can carry it readably. */
  manifestText?: string;
  /** Whether the run is only its manifest (no actions, at time 0, seed 1). */
  plainRun: boolean;
  lang: Locale;
  theme: Theme;
  panels?: readonly PanelId[];
  height?: number;
  title?: string;
}

export interface Snippets {
  link: string;
  iframe: string;
  element: string;
  docusaurus: string;
  vitepress: string;
  mkdocs: string;
}

export function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function withQuery(appUrl: string, query: string, fragment: string): string {
  const url = new URL(appUrl);
  url.search = query;
  url.hash = fragment;
  return url.toString();
}

export function buildSnippets(input: SnippetInput): Snippets {
  const height = input.height ?? 520;
  const title = input.title ?? 'Podscope';
  const view = {
    lang: input.lang,
    theme: input.theme,
    ...(input.panels ? { panels: [...input.panels] } : {}),
  };
  const link = withQuery(input.appUrl, '', input.fragment);
  const frameSrc = withQuery(
    input.appUrl,
    formatEmbedParams({ embed: true, ...view }),
    input.fragment,
  );
  const src = escapeAttr(frameSrc);
  const iframeAttrs = `src="${src}" title="${escapeAttr(title)}" width="100%" height="${height}" loading="lazy"`;
  const iframe = `<iframe ${iframeAttrs} style="border: 0"></iframe>`;

  const scriptUrl = new URL('pod-scope.js', new URL(input.appUrl)).toString();
  const attrs = [`lang="${input.lang}"`];
  if (input.theme !== 'auto') attrs.push(`theme="${input.theme}"`);
  if (input.panels) attrs.push(`panels="${escapeAttr(input.panels.join(','))}"`);
  const readable =
    input.plainRun && input.manifestText !== undefined && !/<\/script/i.test(input.manifestText);
  const element = readable
    ? `<script type="module" src="${escapeAttr(scriptUrl)}"></script>\n<pod-scope ${attrs.join(' ')}>\n  <script type="text/yaml">\n${input.manifestText!.replace(/\s+$/, '')}\n  </script>\n</pod-scope>`
    : `<script type="module" src="${escapeAttr(scriptUrl)}"></script>\n<pod-scope run="${escapeAttr(input.fragment)}" ${attrs.join(' ')}></pod-scope>`;

  const docusaurus = `<iframe\n  src="${src}"\n  title="${escapeAttr(title)}"\n  width="100%"\n  height="${height}"\n  loading="lazy"\n  style={{ border: 0 }}\n/>`;
  const vitepress = `<!-- VitePress renders raw HTML in Markdown -->\n${iframe}`;
  const mkdocs = `<!-- MkDocs passes HTML blocks through; keep the blank lines around it -->\n\n${iframe}\n`;
  return { link, iframe, element, docusaurus, vitepress, mkdocs };
}
