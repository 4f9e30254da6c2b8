/**
 * The catalogues loaded so far, shared by every instance on the page (texts are immutable).
 * An instance shows a locale only once it is ready (`loadLocale`): its first render waits for it
 * and a language switch keeps the old language until the new one has arrived, so no text
 * appears in the wrong language or as a key. A lazy feature awaits `loadMessages(part)` with its
 * code, which fetches the part for every locale in use, and later switches fetch it too.
 */
import { loaders, type AnyLocale, type Catalogue, type Locale, type Part } from './catalogues.ts';

const catalogues: Record<Locale, Catalogue> = { en: {}, 'zh-CN': {} };
const done = new Set<string>();
const inFlight = new Map<string, Promise<void>>();
/** Locales some instance shows or is switching to. */
const inUse = new Set<Locale>();
/** Parts some loaded feature needs. */
const wanted = new Set<Part>();

const real = (locale: AnyLocale): Locale => (locale === 'pseudo' ? 'en' : locale);

function loadPart(locale: Locale, part: 'base' | Part): Promise<void> {
  const id = `${locale}/${part}`;
  if (done.has(id)) return Promise.resolve();
  let p = inFlight.get(id);
  if (!p) {
    p = loaders[locale][part]().then(
      (texts) => {
        Object.assign(catalogues[locale], texts);
        done.add(id);
        inFlight.delete(id);
      },
      (error: unknown) => {
        inFlight.delete(id); // a later call tries again
        throw error;
      },
    );
    inFlight.set(id, p);
  }
  return p;
}

/** Whether `locale` can be shown now: its first-screen texts and every wanted part are here. */
export function isLocaleReady(locale: AnyLocale): boolean {
  const l = real(locale);
  if (!done.has(`${l}/base`)) return false;
  for (const part of wanted) if (!done.has(`${l}/${part}`)) return false;
  return true;
}

/** Fetches what `locale` needs to be shown; marks it in use at once (synchronously). */
export async function loadLocale(locale: AnyLocale): Promise<void> {
  const l = real(locale);
  inUse.add(l);
  await loadPart(l, 'base');
  // A feature may want a part while the base is on its way.
  while (!isLocaleReady(l)) await Promise.all([...wanted].map((part) => loadPart(l, part)));
}

/** A lazy feature's texts, for every locale in use (and for those switched to later). */
export async function loadMessages(...parts: Part[]): Promise<void> {
  for (const part of parts) wanted.add(part);
  await Promise.all([...inUse].flatMap((l) => parts.map((part) => loadPart(l, part))));
}

/** The loaded texts of `locale` (more arrive as features load). */
export function catalogue(locale: Locale): Catalogue {
  return catalogues[locale];
}

/** A lazy module's import that also brings its texts: `lazy(withMessages(['lessons'], load))`. */
export function withMessages<T>(parts: Part[], load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadMessages(...parts)]).then(([module]) => module);
}
