/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type BuildEnvironmentOptions, type PluginOption } from 'vite';
import {
  inlineExtractedCss,
  inlineWorkers,
  noMotionGlobal,
  noPreloadMarkers,
  singleHtml,
} from './src/embed/build/plugins.ts';

// One config for the app build, the dev server and Vitest. Two more modes make one-file builds:
// `--mode embed` the <pod-scope> element as one ES module (dist-embed/pod-scope.js), and
// `--mode single` the app as one HTML file that works from disk (dist-single/podscope.html).
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
      // Vite keeps whitespace in ES libraries for their bundlers; this one goes straight to
      // browsers, so minify fully.
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
      lib: { entry: 'src/embed/element.ts', formats: ['es'], fileName: () => 'pod-scope.js' },
    },
    plugins: [noPreloadMarkers(), noMotionGlobal(), inlineWorkers(), inlineExtractedCss()],
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
  worker: { format: 'es' },
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
