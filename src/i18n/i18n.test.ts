import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { matchLocale, translator } from './index.ts';
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

  it('fills parameters and wraps the pseudo-locale', () => {
    expect(translator('zh-CN')('controls.play')).toBe('播放');
    expect(translator('pseudo')('controls.play')).toBe('⟦Play⟧');
  });

  it('follows the browser', () => {
    expect(matchLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(matchLocale(['fr', 'en-GB'])).toBe('en');
    expect(matchLocale(['fr'])).toBe('en');
  });
});
