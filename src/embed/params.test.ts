import { describe, expect, it } from 'vitest';
import { formatEmbedParams, parseEmbedParams, parseOrigin } from './params.ts';

describe('parseEmbedParams', () => {
  it('reads every documented parameter', () => {
    const p = parseEmbedParams(
      '?embed=1&scenario=default&lang=zh-CN&autoplay=1&speed=4&theme=dark&panels=anatomy,events&origin=https://docs.example.com',
    );
    expect(p).toEqual({
      embed: true,
      scenario: 'default',
      lang: 'zh-CN',
      autoplay: true,
      speed: 4,
      theme: 'dark',
      panels: ['anatomy', 'events'],
      origin: 'https://docs.example.com',
      warnings: [],
    });
  });

  it('gives defaults for an empty query', () => {
    expect(parseEmbedParams('')).toEqual({
      embed: false,
      autoplay: false,
      theme: 'auto',
      warnings: [],
    });
  });

  it('accepts bare flags and case variants', () => {
    const p = parseEmbedParams('embed&autoplay&lang=ZH-cn&theme=Light');
    expect(p.embed).toBe(true);
    expect(p.autoplay).toBe(true);
    expect(p.lang).toBe('zh-CN');
    expect(p.theme).toBe('light');
  });

  it('drops invalid values with a warning and keeps the defaults', () => {
    const p = parseEmbedParams(
      'embed=maybe&lang=fr&speed=fast&theme=neon&scenario=../../etc&origin=*&panels=anatomy,bogus',
    );
    expect(p.embed).toBe(false);
    expect(p.lang).toBeUndefined();
    expect(p.speed).toBeUndefined();
    expect(p.theme).toBe('auto');
    expect(p.scenario).toBeUndefined();
    expect(p.origin).toBeUndefined();
    expect(p.panels).toEqual(['anatomy']);
    expect(p.warnings).toHaveLength(7);
    expect(p.warnings.join('\n')).toContain('bogus');
  });

  it('clamps the speed to the supported range', () => {
    expect(parseEmbedParams('speed=1000').speed).toBe(100);
    expect(parseEmbedParams('speed=0.01').speed).toBe(0.25);
    expect(parseEmbedParams('speed=0').speed).toBeUndefined();
    expect(parseEmbedParams('speed=-2').speed).toBeUndefined();
    expect(parseEmbedParams('speed=Infinity').speed).toBeUndefined();
  });

  it('dedupes panels and lets an empty list hide them all', () => {
    expect(parseEmbedParams('panels=events,,events,logs').panels).toEqual(['events', 'logs']);
    expect(parseEmbedParams('panels=').panels).toEqual([]);
  });
});

describe('parseOrigin', () => {
  it('accepts exactly an origin', () => {
    expect(parseOrigin('https://docs.example.com')).toBe('https://docs.example.com');
    expect(parseOrigin('http://127.0.0.1:4174/')).toBe('http://127.0.0.1:4174');
    expect(parseOrigin('HTTPS://Example.COM')).toBeUndefined();
  });

  it('refuses anything else', () => {
    for (const bad of [
      '*',
      'null',
      '',
      'example.com',
      'https://example.com/docs',
      'https://example.com?x=1',
      'https://user@example.com',
      'javascript:alert(1)',
      'file:///tmp',
    ])
      expect(parseOrigin(bad), bad).toBeUndefined();
  });
});

describe('formatEmbedParams', () => {
  it('round-trips through parseEmbedParams', () => {
    const opts = {
      embed: true,
      scenario: 'default',
      lang: 'en' as const,
      autoplay: true,
      speed: 2,
      theme: 'dark' as const,
      panels: ['timeline' as const],
      origin: 'https://a.example',
    };
    expect(parseEmbedParams(formatEmbedParams(opts))).toEqual({ ...opts, warnings: [] });
  });

  it('omits defaults', () => {
    expect(formatEmbedParams({ embed: true, speed: 1, theme: 'auto', autoplay: false })).toBe(
      'embed=1',
    );
  });
});
