import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment } from './shareLink.ts';
import { parseEmbedParams } from './params.ts';
import { buildSnippets } from './snippets.ts';

const MANIFEST = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';

async function snippets(plainRun = true, manifest = MANIFEST) {
  const fragment = await encodeShareFragment({
    run: { manifest, seed: 1, actions: [] },
    atMs: 0,
    speed: 1,
  });
  return {
    fragment,
    s: buildSnippets({
      appUrl: 'https://docs.example.com/podscope/index.html?x=1#old',
      fragment,
      manifestText: manifest,
      plainRun,
      lang: 'zh-CN',
      theme: 'dark',
      panels: ['anatomy', 'events'],
    }),
  };
}

describe('buildSnippets', () => {
  it('links to the app with the run in the fragment', async () => {
    const { s, fragment } = await snippets();
    expect(s.link).toBe(`https://docs.example.com/podscope/index.html#${fragment}`);
    expect(decodeShareFragment(new URL(s.link).hash).ok).toBe(true);
  });

  it('builds an embed-mode iframe whose URL carries the view options', async () => {
    const { s } = await snippets();
    const src = /src="([^"]+)"/.exec(s.iframe)![1]!.replace(/&amp;/g, '&');
    const url = new URL(src);
    expect(parseEmbedParams(url.search)).toMatchObject({
      embed: true,
      lang: 'zh-CN',
      theme: 'dark',
      panels: ['anatomy', 'events'],
    });
    expect(decodeShareFragment(url.hash).ok).toBe(true);
    expect(s.iframe).toContain('title="Podscope"');
  });

  it('gives a web component with the manifest inline when the run is plain', async () => {
    const { s } = await snippets();
    expect(s.element).toContain(
      '<script type="module" src="https://docs.example.com/podscope/pod-scope.js"></script>',
    );
    expect(s.element).toContain('<script type="text/yaml">\napiVersion: v1');
    expect(s.element).toContain('lang="zh-CN" theme="dark" panels="anatomy,events"');
  });

  it('carries the whole run in a run attribute otherwise', async () => {
    const { s, fragment } = await snippets(false);
    expect(s.element).toContain(`<pod-scope run="${fragment}"`);
    const { s: s2 } = await snippets(true, `${MANIFEST}# </script><script>alert(1)</script>\n`);
    expect(s2.element).not.toContain('<script>alert');
  });

  it('writes MDX-valid style for Docusaurus and raw HTML for VitePress and MkDocs', async () => {
    const { s } = await snippets();
    expect(s.docusaurus).toContain('style={{ border: 0 }}');
    expect(s.docusaurus).not.toContain('style="');
    expect(s.vitepress).toContain('<iframe ');
    expect(s.mkdocs).toMatch(/\n\n<iframe [^\n]+><\/iframe>\n$/);
  });
});
