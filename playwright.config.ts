import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/chromium.ts';

// Each worker starts its own server and sandbox (e2e/fixtures.ts), so specs run side by side without sharing
// data. Three workers on two cores: most of a spec's time is spent waiting on the page (held decisions, streamed
// pages), not computing.
const workers = Number(process.env.E2E_WORKERS ?? 3);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  workers,
  fullyParallel: false,
  // No retries: a spec that passes only on a second try is a bug to find, not a result to accept.
  retries: 0,
  failOnFlakyTests: true,
  // A stray `test.only` fails the run (instead of quietly skipping every other spec), locally as in CI.
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
