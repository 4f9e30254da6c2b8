import { describe, expect, it, vi } from 'vitest';
import { decodeShareFragment, encodeShareFragment } from './shareLink.ts';
import { isShareFragment, optionsFromUrl } from './startApp.ts';

const run = { manifest: 'kind: Pod', seed: 9, actions: [] };

describe('optionsFromUrl', () => {
  it('reads embed parameters and strips query and fragment from the app address', () => {
    expect(
      optionsFromUrl(
        'https://x.example/docs/podscope/index.html?embed=1&scenario=default&lang=zh-CN&autoplay=1&speed=2&theme=dark&panels=anatomy&origin=https://docs.example',
      ),
    ).toEqual({
      embed: true,
      scenario: 'default',
      lang: 'zh-CN',
      autoplay: true,
      speed: 2,
      theme: 'dark',
      panels: ['anatomy'],
      hostOrigin: 'https://docs.example',
      appUrl: 'https://x.example/docs/podscope/index.html',
    });
  });

  it('restores a share link; explicit query parameters win over its view options', async () => {
    const fragment = await encodeShareFragment({
      run,
      atMs: 1234,
      speed: 4,
      lang: 'en',
      theme: 'light',
    });
    const o = optionsFromUrl(
      `https://x.example/?lang=zh-CN&scenario=default#${fragment}`,
      decodeShareFragment,
    );
    expect(o).toMatchObject({ run, atMs: 1234, speed: 4, lang: 'zh-CN', theme: 'light' });
    expect(o.scenario).toBeUndefined();
  });

  it('turns a damaged or outdated link into a notice, and ignores plain anchors', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const read = (href: string) => optionsFromUrl(href, decodeShareFragment);
    expect(read('https://x.example/#v1=AAAAAAAA').notices?.[0]?.key).toBe('notice.corrupt');
    expect(read('https://x.example/#v7=AAAA').notices?.[0]?.key).toBe('notice.outdated');
    expect(read('https://x.example/#intro').notices).toBeUndefined();
    expect(optionsFromUrl('https://x.example/?speed=fast').speed).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('loads the decoder only for a fragment meant as a link', () => {
    expect(isShareFragment('#v1=AAAA')).toBe(true);
    expect(isShareFragment('v7=AAAA')).toBe(true);
    expect(isShareFragment('#intro')).toBe(false);
    expect(isShareFragment('')).toBe(false);
  });
});
