// Before the e2e run: on a machine with neither PLAYWRIGHT_CHROMIUM_EXECUTABLE nor one of Debian's Chromiums
// (see e2e/chromium.ts), install Playwright's own Chromium so `npm test` works on a fresh laptop.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
const debian = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];
if (fromEnv ? fs.existsSync(fromEnv) : debian.some((file) => fs.existsSync(file))) process.exit(0);
console.log('No system Chromium found: installing Playwright’s Chromium…');
execSync('npx playwright install chromium', { stdio: 'inherit' });
