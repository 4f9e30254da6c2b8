/**
 * Vite plugins for the one-file builds (`--mode embed`, `--mode single`). They work on the
 * finished bundle, with no Node APIs:
 *
 * - `inlineWorkers`: a worker the app starts with `new Worker(new URL('./x.worker.ts',
 *   import.meta.url))` is emitted by Vite as a separate file. This rewrites that URL into a blob
 *   URL made (once) from the worker's code, carried inside the main chunk. Where a blob worker
 *   cannot start (a CSP without `blob:` in worker-src), the client's same-thread fallback runs.
 * - `inlineExtractedCss`: CSS imported the ordinary way (React Flow's, the views') is written
 *   into the string the `<pod-scope>` element adopts in its shadow root, instead of a file.
 * - `noPreloadMarkers`, `noMotionGlobal`: see below.
 * - `singleHtml`: inlines the entry script and stylesheet into `index.html`, saved as
 *   `podscope.html` — one file that works when opened from disk.
 */
import type { Plugin, Rollup } from 'vite';

type Bundle = Rollup.OutputBundle;
type Item = Bundle[string];
type Chunk = Extract<Item, { type: 'chunk' }>;

const text = (item: Item): string =>
  item.type === 'chunk'
    ? item.code
    : typeof item.source === 'string'
      ? item.source
      : new TextDecoder().decode(item.source);

const chunks = (bundle: Bundle): Chunk[] =>
  Object.values(bundle).filter((i): i is Chunk => i.type === 'chunk');

/** A JS string literal safe to place inside an HTML <script> too. */
const literal = (s: string) => JSON.stringify(s).replace(/<\/(script)/gi, '<\\/$1');

const workerAssets = (bundle: Bundle): Item[] =>
  Object.values(bundle).filter(
    (i) => i.type === 'asset' && /\.worker-[\w-]+\.js$/.test(i.fileName),
  );

/** `new URL('…sim.worker-x.js', import.meta.url)`, as Vite writes a worker's address. */
function workerUrl(worker: Item): RegExp {
  // Referenced relative to the chunk (`sim.worker-x.js`) or to the base (`assets/…`).
  const base = worker.fileName
    .split('/')
    .pop()!
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `new URL\\(\\s*(["'\`])[^"'\`]*?${base}\\1\\s*,\\s*import\\.meta\\.url\\s*\\)`,
    'g',
  );
}

/**
 * Rewrites every chunk's `new URL('…worker-x.js', import.meta.url)` for each emitted worker:
 * `prelude` is put before the chunk, `replace` gives the new expression (from the original one).
 * A worker emitted but referenced nowhere is an error. Returns the workers it rewrote.
 */
function rewriteWorkerUrls(
  bundle: Bundle,
  fail: (message: string) => never,
  rewrite: (
    worker: Item,
    index: number,
  ) => { prelude: string; replace: (address: string) => string },
): Item[] {
  const workers = workerAssets(bundle);
  workers.forEach((worker, index) => {
    const url = workerUrl(worker);
    const { prelude, replace } = rewrite(worker, index);
    let used = false;
    for (const chunk of chunks(bundle)) {
      if (!url.test(chunk.code)) continue;
      url.lastIndex = 0;
      used = true;
      chunk.code = prelude + chunk.code.replace(url, replace);
    }
    if (!used) fail(`worker ${worker.fileName} is emitted but never referenced`);
  });
  return workers;
}

export function inlineWorkers(): Plugin {
  return {
    name: 'podscope:inline-workers',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const inlined = rewriteWorkerUrls(
        bundle,
        (m) => this.error(m),
        (worker, index) => {
          const source = `__podscopeWorker${index}`;
          const cache = `__podscopeWorkerUrl${index}`;
          return {
            prelude: `const ${source} = ${literal(text(worker))};\nlet ${cache};\n`,
            replace: () =>
              `new URL(${cache} ??= URL.createObjectURL(new Blob([${source}], { type: "text/javascript" })))`,
          };
        },
      );
      for (const worker of inlined) delete bundle[worker.fileName];
    },
  };
}

/**
 * `workerBeside`: the `<pod-scope>` build keeps the worker as a file beside its chunks. A page on
 * another origin cannot start a worker from that address, so the element starts a module worker
 * from a one-line blob that imports the file by its absolute address (fetched with CORS, like
 * the element's own chunks): the page's main thread never downloads the worker's code. Where a
 * blob worker cannot start (a CSP without `blob:` in worker-src), the client's same-thread
 * fallback runs, as with `inlineWorkers`.
 */
export function workerBeside(): Plugin {
  return {
    name: 'podscope:worker-beside',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      rewriteWorkerUrls(
        bundle,
        (m) => this.error(m),
        (_worker, index) => {
          const cache = `__podscopeWorkerBoot${index}`;
          return {
            prelude: `let ${cache};\n`,
            replace: (address) =>
              `new URL(${cache} ??= URL.createObjectURL(new Blob(["import " + JSON.stringify(${address}.href) + ";"], { type: "text/javascript" })))`,
          };
        },
      );
    },
  };
}

/**
 * With code splitting off, Vite 8 can leave its `__VITE_PRELOAD__` placeholder in calls of the
 * preload helper for imports it inlined. No chunk needs preloading in a one-file build, so the
 * placeholder becomes "no dependencies".
 */
export function noPreloadMarkers(): Plugin {
  return {
    name: 'podscope:no-preload-markers',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of chunks(bundle))
        chunk.code = chunk.code.replace(/\b__VITE_PRELOAD__\b/g, 'void 0');
    },
  };
}

/**
 * framer-motion sets `window.MotionIsMounted = true` when a motion component mounts; the flag
 * only gates hand-off of server-rendered appear animations, which Podscope never uses. The
 * element must not write globals into its host page, so in its build the write becomes a no-op.
 */
export function noMotionGlobal(): Plugin {
  return {
    name: 'podscope:no-motion-global',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of chunks(bundle))
        chunk.code = chunk.code.replace(/\bwindow\.MotionIsMounted\s*=\s*(!0|true)\b/g, '$1');
    },
  };
}

export const CSS_MARKER = '/*__PODSCOPE_EXTRACTED_CSS__*/';

export function inlineExtractedCss(): Plugin {
  return {
    name: 'podscope:inline-extracted-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const sheets = Object.values(bundle).filter(
        (i) => i.type === 'asset' && i.fileName.endsWith('.css'),
      );
      const css = sheets.map(text).join('\n');
      const marker = new RegExp(`(["'\`])${CSS_MARKER.replace(/[*/]/g, '\\$&')}\\1`, 'g');
      let found = false;
      for (const chunk of chunks(bundle)) {
        if (!marker.test(chunk.code)) continue;
        marker.lastIndex = 0;
        found = true;
        chunk.code = chunk.code.replace(marker, () => literal(css));
      }
      if (!found) this.error('the <pod-scope> element has no CSS marker to fill');
      for (const s of sheets) delete bundle[s.fileName];
    },
  };
}

export function singleHtml(fileName = 'podscope.html'): Plugin {
  return {
    name: 'podscope:single-html',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') return this.error('no index.html in the bundle');
      const find = (ref: string) => bundle[ref.replace(/^\.\//, '')];
      let page = text(html);
      page = page.replace(
        /<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g,
        (tag, src: string) => {
          const item = find(src);
          if (!item) return tag;
          delete bundle[item.fileName];
          return `<script type="module">${text(item).replace(/<\/(script)/gi, '<\\/$1')}</script>`;
        },
      );
      page = page.replace(
        /<link rel="stylesheet"[^>]*\shref="([^"]+)"[^>]*>/g,
        (tag, href: string) => {
          const item = find(href);
          if (!item) return tag;
          delete bundle[item.fileName];
          return `<style>${text(item).replace(/<\/(style)/gi, '<\\/$1')}</style>`;
        },
      );
      page = page.replace(/<link rel="modulepreload"[^>]*>\s*/g, '');
      page = page.replace(/<link rel="icon"[^>]*>\s*/g, '');
      delete bundle['index.html'];
      this.emitFile({ type: 'asset', fileName, source: page });
    },
  };
}
