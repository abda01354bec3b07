import fs from 'node:fs';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const FULL_BROWSER = '/usr/bin/chromium';

/**
 * The Chromium the e2e tests and the benchmark drive: PLAYWRIGHT_CHROMIUM_EXECUTABLE, else one of Debian's, else
 * (undefined) Playwright's own download. The tests prefer Debian's headless shell (the same Blink and V8, and what
 * Playwright itself runs headless): on two cores the e2e run takes a fifth less time than with the whole browser.
 * The benchmark prefers the whole browser, the one users run, so that its timings stay comparable run to run.
 */
export function chromiumExecutable(purpose: 'tests' | 'benchmark' = 'tests'): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fromEnv;
  const preferred = purpose === 'tests' ? [HEADLESS_SHELL, FULL_BROWSER] : [FULL_BROWSER, HEADLESS_SHELL];
  return preferred.find((file) => fs.existsSync(file));
}

// Flags for a closed network: without them Chromium keeps trying to reach Google's services.
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
