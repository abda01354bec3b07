import fs from 'node:fs';

/**
 * The Chromium the e2e tests and the benchmark drive: PLAYWRIGHT_CHROMIUM_EXECUTABLE, else Debian's
 * /usr/bin/chromium, else (undefined) Playwright's own download.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fromEnv;
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
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
