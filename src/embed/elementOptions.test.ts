import { describe, expect, it } from 'vitest';
import { dedent, optionsFromElement, shadowCss } from './elementOptions.ts';
import { encodeShareFragment } from './shareLink.ts';

function fakeElement(attrs: Record<string, string>, yaml?: string) {
  return {
    getAttribute: (name: string) => attrs[name] ?? null,
    querySelector: () => (yaml === undefined ? null : { textContent: yaml }),
  } as unknown as Element;
}

describe('<pod-scope> options', () => {
  it('reads the attributes; embed mode is always on', () => {
    expect(
      optionsFromElement(
        fakeElement({
          scenario: 'default',
          lang: 'zh-CN',
          autoplay: '',
          speed: '2',
          theme: 'dark',
          panels: 'anatomy,events',
        }),
      ),
    ).toEqual({
      embed: true,
      scenario: 'default',
      lang: 'zh-CN',
      autoplay: true,
      speed: 2,
      theme: 'dark',
      panels: ['anatomy', 'events'],
    });
  });

  it('takes a manifest from a child script, dedented, over the scenario', () => {
    const o = optionsFromElement(
      fakeElement({ scenario: 'default' }, '\n    apiVersion: v1\n    kind: Pod\n      # note\n  '),
    );
    expect(o.manifest).toBe('apiVersion: v1\nkind: Pod\n  # note\n');
    expect(o.scenario).toBeUndefined();
  });

  it('restores a whole run from a run attribute, and reports a damaged one', async () => {
    const run = { manifest: 'kind: Pod', seed: 3, actions: [] };
    const fragment = await encodeShareFragment({ run, atMs: 500, speed: 2 });
    expect(optionsFromElement(fakeElement({ run: fragment }))).toMatchObject({
      run,
      atMs: 500,
      speed: 2,
    });
    expect(optionsFromElement(fakeElement({ run: 'v1=AAAAAAA' })).notices?.[0]?.key).toBe(
      'notice.corrupt',
    );
  });
});

describe('shadowCss', () => {
  it('maps page-level selectors to the host', () => {
    expect(shadowCss(':root { --a: 1 }\nbody { margin: 0 }\n.x body{}')).toBe(
      ':host { --a: 1 }\n:host { margin: 0 }\n.x :host{}',
    );
    expect(shadowCss('.podscope-body { }')).toBe('.podscope-body { }');
  });

  it('dedent keeps relative indentation', () => {
    expect(dedent('  a:\n    b: 1')).toBe('a:\n  b: 1\n');
  });
});
