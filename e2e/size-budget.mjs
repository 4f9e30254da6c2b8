// The first load's main-thread JS, as a browser loads it, gzipped, per chunk. Fails above the
// budget (KB). Two measurements:
//
//   node e2e/size-budget.mjs [dist] [budget]                 (after `vite build`)
//     serves the built app, opens it in Chromium and sums every script the page fetches in its
//     first 3 s (the simulation worker's own script excluded). `*` marks the chunks the entry
//     imports statically (dist/.vite/manifest.json).
//   node e2e/size-budget.mjs --element [dist-embed] [budget] (after `vite build --mode embed`)
//     serves the <pod-scope> bundle on one origin (with CORS) and a host page
//     (e2e/fixtures/pages/remote-element.html) on another, which loads pod-scope.js with a
//     <script type=module>; sums the bundle's scripts the page fetches in its first 3 s (the
//     worker excluded). `*` marks pod-scope.js and the chunks it imports statically.
//
// Both wait for the first container card, so a build that does not render fails too.
import { chromium } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/pages');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const TYPES = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
};
const WORKER = /\.worker-[\w-]+\.js$/;

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';

/** The app entry's static import closure, from Vite's manifest. */
function appStaticClosure(dir) {
  const path = join(dir, '.vite/manifest.json');
  if (!existsSync(path)) return [];
  const m = JSON.parse(readFileSync(path, 'utf8'));
  const out = new Set();
  const walk = (key) => {
    const c = m[key];
    if (!c || out.has(c.file)) return;
    out.add(c.file);
    for (const i of c.imports ?? []) walk(i);
  };
  walk('index.html');
  return [...out];
}

/** pod-scope.js and the sibling chunks it imports statically (`from"./x.js"`), transitively. */
function elementStaticClosure(dir) {
  const out = new Set();
  const walk = (file) => {
    if (out.has(file) || !existsSync(join(dir, file))) return;
    out.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) walk(m[1]);
  };
  walk('pod-scope.js');
  return [...out];
}

/** Serves `dir` on a free port; `cors` lets pages on other origins load its scripts. */
function serve(dir, cors = false) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, rel.endsWith('/') ? rel + 'index.html' : rel);
    if (!existsSync(file)) return res.writeHead(404).end();
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (cors) headers['access-control-allow-origin'] = '*';
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const origin = (server) => `http://127.0.0.1:${server.address().port}`;

/**
 * Loads the app in `dir` (or, with `element`, the host page that loads the <pod-scope> bundle in
 * `dir` from another origin) in Chromium: the bundle's scripts of the first 3 s, gzipped, and the
 * time to the first container card.
 */
export async function measure(dir = 'dist', { element = false } = {}) {
  const bundle = await serve(dir, element);
  const host = element ? await serve(PAGES) : undefined;
  const from = origin(bundle);
  const url = host
    ? `${origin(host)}/remote-element.html?src=${encodeURIComponent(`${from}/pod-scope.js`)}`
    : `${from}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const scripts = new Set();
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.origin !== from || !u.pathname.endsWith('.js') || WORKER.test(u.pathname)) return;
      scripts.add(u.pathname.slice(1));
    });
    const t0 = Date.now();
    await page.goto(url);
    await page
      .getByRole('article', { name: /^Container / })
      .first()
      .waitFor({ timeout: 15_000 });
    const cardMs = Date.now() - t0;
    await page.waitForTimeout(Math.max(0, 3000 - (Date.now() - t0)));
    if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
    if (element) {
      // The worker started from beside the bundle, across origins (not the same-thread fallback).
      const transport = await page.evaluate(
        () => document.querySelector('pod-scope')?.store?.getState().transport,
      );
      if (transport !== 'worker') throw new Error(`the element runs ${transport}, not in a worker`);
    }
    const files = [...scripts];
    return {
      files,
      sizes: files.map((f) => [f, gzipSync(readFileSync(join(dir, f))).length]),
      cardMs,
    };
  } finally {
    await browser.close();
    bundle.close();
    host?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const element = args[0] === '--element';
  if (element) args.shift();
  const dir = args[0] ?? (element ? 'dist-embed' : 'dist');
  const budgetKb = Number(args[1] ?? (element ? 250 : 200));
  const closure = element ? elementStaticClosure(dir) : appStaticClosure(dir);
  const { sizes, cardMs } = await measure(dir, { element });
  const total = sizes.reduce((s, [, n]) => s + n, 0);
  console.log(
    element
      ? `<pod-scope> from another origin: its JS loaded in the first 3 s (gzipped; * = pod-scope.js and its static imports):`
      : `Main-thread JS loaded in the first 3 s (gzipped; * = imported statically by the entry):`,
  );
  for (const [f, n] of sizes.sort((a, b) => b[1] - a[1]))
    console.log(`${kb(n)}  ${closure.includes(f) ? '*' : ' '} ${f}`);
  const gz = (f) => gzipSync(readFileSync(join(dir, f))).length;
  const staticTotal = closure.filter((f) => f.endsWith('.js')).reduce((s, f) => s + gz(f), 0);
  console.log(`${kb(staticTotal)}  static closure of the entry`);
  console.log(`${kb(total)}  total, budget ${budgetKb} KB; first container card at ${cardMs} ms`);
  if (total > budgetKb * 1024) {
    console.error(`size budget exceeded: ${(total / 1024).toFixed(1)} KB > ${budgetKb} KB`);
    process.exit(1);
  }
}
