import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { isLocaleReady, loadLocale, loadMessages, matchLocale, translator } from './index.ts';
import { zhCN } from './zh-CN.ts';

describe('i18n', () => {
  it('every locale has exactly the English keys, none empty', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(en), ...Object.values(zhCN)]) {
      expect(value.trim()).not.toBe('');
    }
  });

  it('placeholders survive translation', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(zhCN[key])).toEqual(names(en[key]));
    }
  });

  it('follows the browser', () => {
    expect(matchLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(matchLocale(['fr', 'en-GB'])).toBe('en');
    expect(matchLocale(['fr'])).toBe('en');
  });
});

// One module instance for the file: the loading steps run in order.
describe('loading the catalogues', () => {
  beforeAll(() => {
    expect(isLocaleReady('en')).toBe(false);
    expect(isLocaleReady('zh-CN')).toBe(false);
  });

  it('a language is ready once loadLocale has fetched it; the other stays out', async () => {
    expect(translator('en')('controls.play')).toBe('controls.play');
    await loadLocale('en');
    expect(isLocaleReady('en')).toBe(true);
    expect(isLocaleReady('pseudo')).toBe(true);
    expect(isLocaleReady('zh-CN')).toBe(false);
    expect(translator('en')('controls.play')).toBe('Play');
    const loading = loadLocale('zh-CN');
    expect(isLocaleReady('zh-CN')).toBe(false);
    await loading;
    expect(isLocaleReady('zh-CN')).toBe(true);
    expect(translator('zh-CN')('controls.play')).toBe('播放');
    expect(translator('pseudo')('controls.play')).toBe('⟦Play⟧');
  });

  it('a feature’s texts arrive with it, for every locale in use', async () => {
    expect(translator('en')('gallery.title')).toBe('gallery.title');
    await loadMessages('scenarios');
    expect(translator('en')('gallery.title')).toBe(en['gallery.title']);
    expect(translator('zh-CN')('gallery.title')).toBe(zhCN['gallery.title']);
    // Lessons are not wanted yet: both locales are ready without them.
    expect(isLocaleReady('zh-CN')).toBe(true);
    expect(translator('zh-CN')('lessons.title')).toBe('lessons.title');
  });

  it('fills parameters', () => {
    expect(translator('en')('controls.speedValue', { speed: 2 })).toBe('2×');
  });
});
