import { defineConfig, devices } from '@playwright/test';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.E2E_PORT ?? 4173);
/** The embed tests' second origin (e2e/fixtures/server.mjs). */
const FIXTURE_PORT = Number(process.env.E2E_FIXTURE_PORT ?? 4174);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  // Lazy chunks (dialogs, the editor) can take a few seconds on a busy two-core machine.
  expect: { timeout: 10_000 },
  outputDir: '../test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--headless',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      cwd: '..',
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // A second origin for the embed tests (e2e/embed.spec.ts): host pages, the <pod-scope>
      // bundle and a strict-CSP copy of the app. Builds the one-file bundles first.
      command: `npm run build:embed && npm run build:single && FIXTURE_PORT=${FIXTURE_PORT} APP_ORIGIN=http://127.0.0.1:${PORT} node e2e/fixtures/server.mjs`,
      cwd: '..',
      url: `http://127.0.0.1:${FIXTURE_PORT}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});
