import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/chromium.ts';

// One port for the whole run: chosen once here, inherited by the workers through the environment. Below Linux's
// ephemeral range (32768–60999), where an outgoing connection's local port could already hold it.
process.env.E2E_PORT ??= String(20000 + Math.floor(Math.random() * 9000));
const port = Number(process.env.E2E_PORT);
export const E2E_DATA_DIR = `.data/e2e-${port}`;
// A second server for the whole-queue specs (e2e/queue.spec.ts): its own sandbox with a few hundred more pending
// items for alice (so the server's pages of 250 run to a third one), leaving the shared sandbox above as the other
// specs expect it.
process.env.E2E_QUEUE_PORT ??= String(port + 1);
const queuePort = Number(process.env.E2E_QUEUE_PORT);
const QUEUE_DATA_DIR = `.data/e2e-queue-${queuePort}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  // Specs share one sandbox; each works on its own items, but running them one at a time keeps the story simple
  // on a 2-core machine.
  workers: 1,
  fullyParallel: false,
  // One retry in CI only, so a slow CI machine's one-off timing does not stop a landing; a retried pass is still
  // reported as flaky in the log, and a spec that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  // A stray `test.only` fails the run (instead of quietly skipping every other spec), locally as in CI.
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      // The production build (made by `npm run build` before the e2e run) on a fresh database.
      command: `rm -rf ${E2E_DATA_DIR} && node node_modules/tsx/dist/cli.mjs server/start.ts`,
      url: `http://127.0.0.1:${port}/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: E2E_DATA_DIR,
        SKIP_BUILD: process.env.SKIP_BUILD ?? '0',
        LOG_LEVEL: 'warn',
        SANDBOX_RATE_LIMIT: '100000/1s',
        SIGN_IN_RATE_LIMIT: '100000/1s',
      },
    },
    {
      command: `rm -rf ${QUEUE_DATA_DIR} && node node_modules/tsx/dist/cli.mjs server/start.ts`,
      url: `http://127.0.0.1:${queuePort}/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        PORT: String(queuePort),
        HOST: '127.0.0.1',
        DATA_DIR: QUEUE_DATA_DIR,
        SKIP_BUILD: '1',
        LOG_LEVEL: 'warn',
        SANDBOX_SEED_SCALE: '520',
        // 429s are injected where a test wants them (/sandbox/faults), not by the limit
        SANDBOX_RATE_LIMIT: '100000/1s',
        SIGN_IN_RATE_LIMIT: '100000/1s',
      },
    },
  ],
});
