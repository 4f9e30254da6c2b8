/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type BuildEnvironmentOptions, type PluginOption } from 'vite';
import {
  inlineExtractedCss,
  inlineWorkers,
  noMotionGlobal,
  noPreloadMarkers,
  singleHtml,
  workerBeside,
} from './src/embed/build/plugins.ts';

// One config for the app build, the dev server and Vitest. Two more modes make one-file builds:
// `--mode embed` the <pod-scope> element as an ES module (dist-embed/pod-scope.js) with its lazy
// chunks beside it, and `--mode single` the app as one HTML file that works from disk
// (dist-single/podscope.html).
const oneFile: BuildEnvironmentOptions = {
  target: 'es2022',
  sourcemap: false,
  emptyOutDir: true,
  copyPublicDir: false,
  cssCodeSplit: false,
  assetsInlineLimit: Number.MAX_SAFE_INTEGER,
  rolldownOptions: { output: { codeSplitting: false } },
};

const builds: Record<string, { build: BuildEnvironmentOptions; plugins: PluginOption[] }> = {
  embed: {
    build: {
      ...oneFile,
      outDir: 'dist-embed',
      // Split like the app: pod-scope.js is what a host page loads at start, the rest (the
      // learning tools, the YAML library, the same-thread engine, the worker) are files beside
      // it, imported relative to it. Vite keeps whitespace in ES libraries for their bundlers;
      // this one goes straight to browsers, so minify fully.
      rolldownOptions: {
        output: {
          minify: true,
          chunkFileNames: 'pod-scope-[name]-[hash].js',
          assetFileNames: 'pod-scope-[name]-[hash][extname]',
        },
      },
      lib: { entry: 'src/embed/element.ts', formats: ['es'], fileName: () => 'pod-scope.js' },
    },
    plugins: [noPreloadMarkers(), noMotionGlobal(), workerBeside(), inlineExtractedCss()],
  },
  single: {
    build: { ...oneFile, outDir: 'dist-single' },
    plugins: [noPreloadMarkers(), inlineWorkers(), singleHtml()],
  },
};

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), ...(builds[mode]?.plugins ?? [])],
  // A library build keeps process.env for its users; the element runs in browsers, so fix it.
  define: mode === 'embed' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  worker: {
    format: 'es',
    // The element's worker sits beside its chunks too (see workerBeside).
    ...(mode === 'embed'
      ? { rolldownOptions: { output: { entryFileNames: 'pod-scope-[name]-[hash].js' } } }
      : {}),
  },
  server: { port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // The manifest lets e2e/size-budget.mjs list the chunks the entry imports statically.
  build: builds[mode]?.build ?? { target: 'es2022', sourcemap: false, manifest: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Tests assert behaviour, not speed (speed lives in `npm run bench`): a slow shared machine
    // must not fail a long simulated run by the clock.
    testTimeout: 30_000,
    benchmark: { include: ['src/**/*.bench.ts'] },
  },
}));
