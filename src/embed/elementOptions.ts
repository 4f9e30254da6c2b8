/** What a `<pod-scope>` element is asked to show, read from its attributes and children. Pure. */
import type { MountOptions } from './mount.tsx';
import type { Notice } from './Notices.tsx';
import { parseFlag, parseLang, parsePanels, parseSpeed, parseTheme } from './params.ts';
import { decodeShareFragment } from './shareLink.ts';

/** Page-level selectors mean the element's own box inside a shadow root. */
export function shadowCss(css: string): string {
  return css.replace(/:root\b/g, ':host').replace(/(^|[}\s,])body(?=\s*[{,])/g, '$1:host');
}

/** Removes the indentation common to every non-blank line (YAML inside indented HTML). */
export function dedent(text: string): string {
  const lines = text
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '')
    .split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return `${lines.map((l) => l.slice(cut)).join('\n')}\n`;
}

export const ATTRIBUTES = [
  'scenario',
  'lang',
  'autoplay',
  'loop',
  'speed',
  'theme',
  'panels',
  'run',
] as const;

/** Mount options from the element's attributes and its `<script type="text/yaml">` child. */
export function optionsFromElement(
  el: Pick<Element, 'getAttribute' | 'querySelector'>,
): MountOptions {
  const o: MountOptions = { embed: true };
  const notices: Notice[] = [];
  const runAttr = el.getAttribute('run');
  if (runAttr) {
    const link = decodeShareFragment(runAttr);
    if (link.ok)
      Object.assign(o, { run: link.state.run, atMs: link.state.atMs, speed: link.state.speed });
    else if (link.reason !== 'none')
      notices.push({ key: `notice.${link.reason}`, params: { detail: link.detail } });
  }
  const yaml = el.querySelector(':scope > script[type="text/yaml"]');
  if (!o.run && yaml?.textContent?.trim()) o.manifest = dedent(yaml.textContent);
  const scenario = el.getAttribute('scenario');
  if (!o.run && o.manifest === undefined && scenario) o.scenario = scenario.trim();
  const lang = parseLang(el.getAttribute('lang'));
  if (lang) o.lang = lang;
  if (parseFlag(el.getAttribute('autoplay'))) o.autoplay = true;
  if (parseFlag(el.getAttribute('loop'))) o.loop = true;
  const speed = parseSpeed(el.getAttribute('speed'));
  if (speed !== undefined) o.speed = speed;
  const theme = parseTheme(el.getAttribute('theme'));
  if (theme) o.theme = theme;
  const { panels } = parsePanels(el.getAttribute('panels'));
  if (panels) o.panels = panels;
  if (notices.length) o.notices = notices;
  return o;
}
