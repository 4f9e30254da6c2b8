/**
 * The full app and the iframe embed: reads the page's URL (embed parameters in the query, a
 * share link in the fragment) and mounts one instance. `src/main.tsx` only calls this.
 */
import '../styles/embed.css';
import { mountPodscope, type MountOptions, type PodscopeMount } from './mount.tsx';
import type { Notice } from './Notices.tsx';
import { parseEmbedParams } from './params.ts';
import type { DecodeResult } from './shareLink.ts';

type Decode = (fragment: string) => DecodeResult;

/** Whether a fragment is meant as a share link (`#v1=…`): only then is the decoder loaded. */
export const isShareFragment = (fragment: string): boolean => /^#?v\d{1,4}=/.test(fragment);

const loadDecoder = (): Promise<Decode> =>
  import('./shareLink.ts').then((m) => m.decodeShareFragment);

/**
 * Mount options for a page address: query parameters win over the link's view options. The
 * fragment is read with `decode` (`decodeShareFragment`); without it, as no link.
 */
export function optionsFromUrl(href: string, decode?: Decode): MountOptions {
  const url = new URL(href);
  const params = parseEmbedParams(url.search);
  for (const w of params.warnings) console.warn(`[podscope] ${w}`);
  const notices: Notice[] = [];
  const link: DecodeResult = decode ? decode(url.hash) : { ok: false, reason: 'none' };
  const o: MountOptions = {};
  if (link.ok) {
    const s = link.state;
    Object.assign(o, { run: s.run, atMs: s.atMs, speed: s.speed });
    if (s.lang) o.lang = s.lang;
    if (s.theme) o.theme = s.theme;
    if (s.panels) o.panels = s.panels;
  } else if (link.reason !== 'none') {
    console.warn(`[podscope] share link refused: ${link.detail}`);
    notices.push(linkNotice(link));
  }
  if (params.scenario !== undefined && !o.run) o.scenario = params.scenario;
  if (params.lang) o.lang = params.lang;
  if (params.speed !== undefined) o.speed = params.speed;
  if (url.searchParams.has('theme') && params.theme) o.theme = params.theme;
  if (params.panels) o.panels = params.panels;
  if (params.autoplay) o.autoplay = true;
  if (params.loop) o.loop = true;
  if (params.present) o.present = true;
  if (params.embed) o.embed = true;
  if (params.origin) o.hostOrigin = params.origin;
  if (notices.length) o.notices = notices;
  url.search = '';
  url.hash = '';
  o.appUrl = url.toString();
  return o;
}

function linkNotice(
  link: Extract<DecodeResult, { ok: false; reason: 'outdated' | 'corrupt' | 'invalid' }>,
): Notice {
  return { key: `notice.${link.reason}`, params: { detail: link.detail } };
}

/** Mounts the page's instance; a share link's decoder (and inflate) loads only for a link. */
export async function startApp(root: HTMLElement, win: Window = window): Promise<PodscopeMount> {
  const href = win.location.href;
  const decode = isShareFragment(new URL(href).hash) ? await loadDecoder() : undefined;
  const mount = mountPodscope(root, optionsFromUrl(href, decode));
  // Pasting another share link into the address bar changes only the fragment: load it.
  win.addEventListener('hashchange', () => {
    const fragment = win.location.hash;
    if (!isShareFragment(fragment)) return;
    void loadDecoder().then((decodeLink) => {
      const link = decodeLink(fragment);
      if (!link.ok) return;
      const { run, atMs, speed, lang, theme } = link.state;
      const state = mount.store.getState();
      if (lang) state.setLocale(lang);
      if (theme) state.setTheme(theme);
      state.load(run, { atMs, speed });
    });
  });
  return mount;
}
