import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import {
  inlineExtractedCss,
  inlineWorkers,
  noMotionGlobal,
  noPreloadMarkers,
  singleHtml,
  workerBeside,
} from './plugins.ts';

type Hook = (this: unknown, options: unknown, bundle: Rollup.OutputBundle) => void;

function run(plugin: ReturnType<typeof inlineWorkers>, bundle: Record<string, unknown>) {
  const emitted: { fileName: string; source: string }[] = [];
  const ctx = {
    error: (m: string) => {
      throw new Error(m);
    },
    emitFile: (f: { fileName: string; source: string }) => emitted.push(f),
  };
  (plugin.generateBundle as Hook).call(ctx, {}, bundle as Rollup.OutputBundle);
  return emitted;
}

const chunk = (fileName: string, code: string) => ({ type: 'chunk', fileName, code });
const asset = (fileName: string, source: string) => ({ type: 'asset', fileName, source });

describe('one-file build plugins', () => {
  it('inlineWorkers turns the worker URL into a cached blob URL and drops the file', () => {
    const bundle: Record<string, ReturnType<typeof chunk> | ReturnType<typeof asset>> = {
      'assets/index.js': chunk(
        'assets/index.js',
        'new Worker(new URL(new URL(`sim.worker-AB12.js`, import.meta.url).href, import.meta.url))',
      ),
      'assets/sim.worker-AB12.js': asset(
        'assets/sim.worker-AB12.js',
        'self.onmessage=()=>{"</script>"}',
      ),
    };
    run(inlineWorkers(), bundle);
    expect(Object.keys(bundle)).toEqual(['assets/index.js']);
    const code = (bundle['assets/index.js'] as { code: string }).code;
    expect(code).toContain('URL.createObjectURL(new Blob([__podscopeWorker0]');
    expect(code).not.toContain('sim.worker-AB12.js');
    expect(code).not.toContain('</script>');
  });

  it('inlineWorkers fails loudly when it cannot find the reference', () => {
    const bundle = {
      'a.js': chunk('a.js', 'nothing here'),
      'assets/x.worker-1.js': asset('assets/x.worker-1.js', ''),
    };
    expect(() => run(inlineWorkers(), bundle)).toThrow(/never referenced/);
  });

  it('workerBeside starts the worker file beside the chunk from a blob importing its address', () => {
    const bundle = {
      'pod-scope.js': chunk(
        'pod-scope.js',
        'new Worker(new URL(`pod-scope-sim.worker-AB12.js`, import.meta.url), { type: `module` })',
      ),
      'pod-scope-sim.worker-AB12.js': asset(
        'pod-scope-sim.worker-AB12.js',
        'self.onmessage=()=>{}',
      ),
    };
    run(workerBeside(), bundle);
    expect(Object.keys(bundle)).toEqual(['pod-scope.js', 'pod-scope-sim.worker-AB12.js']);
    const code = bundle['pod-scope.js'].code;
    expect(code).toContain('URL.createObjectURL(new Blob(["import " + JSON.stringify(');
    // What the blob holds: one import of the file by its absolute address (another origin).
    const blobs: string[] = [];
    const fakeUrl = Object.assign(
      function (this: { href: string }, rel: string, base?: string) {
        this.href = base ? new URL(rel, base).href : rel;
      },
      { createObjectURL: (b: { parts: string[] }) => (blobs.push(b.parts.join('')), 'blob:x') },
    );
    class FakeBlob {
      constructor(public parts: string[]) {}
    }
    let started: unknown;
    const body = code.replace(/import\.meta\.url/g, '"https://cdn.example/podscope/pod-scope.js"');
    new Function('URL', 'Blob', 'Worker', body)(fakeUrl, FakeBlob, function (u: { href: string }) {
      started = u.href;
    });
    expect(blobs).toEqual(['import "https://cdn.example/podscope/pod-scope-sim.worker-AB12.js";']);
    expect(started).toBe('blob:x');
  });

  it('inlineExtractedCss moves every stylesheet into the marker string', () => {
    const bundle = {
      'pod-scope.js': chunk('pod-scope.js', 'const css = "/*__PODSCOPE_EXTRACTED_CSS__*/";'),
      'style.css': asset('style.css', '.a{color:red}'),
    };
    run(inlineExtractedCss(), bundle);
    expect(Object.keys(bundle)).toEqual(['pod-scope.js']);
    expect(bundle['pod-scope.js'].code).toBe('const css = ".a{color:red}";');
  });

  it('singleHtml inlines the entry and the stylesheet into podscope.html', () => {
    const bundle: Record<string, unknown> = {
      'index.html': asset(
        'index.html',
        '<head><link rel="icon" href="./favicon.svg" /><script type="module" crossorigin src="./assets/index-1.js"></script><link rel="modulepreload" href="./assets/x.js"><link rel="stylesheet" crossorigin href="./assets/index-1.css"></head>',
      ),
      'assets/index-1.js': chunk('assets/index-1.js', 'if (a</script>b) {}'),
      'assets/index-1.css': asset('assets/index-1.css', 'body{margin:0}'),
    };
    const emitted = run(singleHtml(), bundle);
    expect(Object.keys(bundle)).toEqual([]);
    expect(emitted).toEqual([
      {
        type: 'asset',
        fileName: 'podscope.html',
        source:
          '<head><script type="module">if (a<\\/script>b) {}</script><style>body{margin:0}</style></head>',
      },
    ]);
  });

  it('removes preload placeholders and the motion global flag', () => {
    const bundle = {
      'a.js': chunk('a.js', 'f(() => x, __VITE_PRELOAD__, u); window.MotionIsMounted = !0, y();'),
    };
    run(noPreloadMarkers(), bundle);
    run(noMotionGlobal(), bundle);
    expect(bundle['a.js'].code).toBe('f(() => x, void 0, u); !0, y();');
  });
});
