import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { freshSession, waitForMark } from './browser.ts';
import { gzipSize } from './bytes.ts';
import type { BenchServer } from './servers.ts';

interface Loaded {
  url: string;
  type: string;
  encoding: string | null;
  transferred: number;
}

function recordAssets(page: Page, into: Loaded[]) {
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    void (async () => {
      const sizes = await response
        .request()
        .sizes()
        .catch(() => null);
      into.push({
        url: new URL(response.url()).pathname,
        type,
        encoding: (await response.headerValue('content-encoding').catch(() => null)) ?? null,
        transferred: sizes?.responseBodySize ?? 0,
      });
    })();
  });
}

function sizeOf(distDir: string, loaded: Loaded[]) {
  const seen = new Set<string>();
  const files: { file: string; gzip: number; raw: number; encoding: string | null; transferred: number }[] = [];
  for (const l of loaded) {
    if (seen.has(l.url)) continue;
    seen.add(l.url);
    const file = path.join(distDir, l.url);
    if (!fs.existsSync(file)) continue;
    const data = fs.readFileSync(file);
    files.push({
      file: l.url,
      raw: data.length,
      gzip: gzipSize(data),
      encoding: l.encoding,
      transferred: l.transferred,
    });
  }
  const sum = (pred: (f: (typeof files)[number]) => boolean) => files.filter(pred).reduce((s, f) => s + f.gzip, 0);
  return {
    files,
    jsGzip: sum((f) => f.file.endsWith('.js')),
    cssGzip: sum((f) => f.file.endsWith('.css')),
    totalGzip: sum(() => true),
    transferred: files.reduce((s, f) => s + f.transferred, 0),
    allCompressed: files.every((f) => f.encoding === 'br' || f.encoding === 'gzip'),
  };
}

/**
 * What the inbox's first load fetches (JS+CSS, from the page's own network requests), and what each route adds
 * when first visited in the app: work-item detail, completed history; the sign-in page in a signed-out context.
 */
export async function shippedBytes(browser: Browser, server: BenchServer, distDir: string) {
  const s = await freshSession(browser, server);
  const loaded: Loaded[] = [];
  recordAssets(s.page, loaded);
  const routes: Record<string, ReturnType<typeof sizeOf>> = {};
  try {
    await s.page.goto('/inbox', { waitUntil: 'commit' });
    const mark = await waitForMark(s.page, 'inbox-rows-visible');
    // The files that had arrived when the first rows showed: the critical path (the rest is deferred lazy chunks).
    const beforeRows = new Set(
      await s.page.evaluate(
        (at) =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            .filter((e) => e.responseEnd <= at)
            .map((e) => new URL(e.name).pathname),
        mark,
      ),
    );
    await s.page.waitForLoadState('networkidle');
    routes.inbox = sizeOf(distDir, loaded);
    routes['inbox, before first rows'] = sizeOf(
      distDir,
      loaded.filter((l) => beforeRows.has(l.url)),
    );
    const step = async (name: string, go: () => Promise<void>) => {
      const before = new Set(loaded.map((l) => l.url));
      await go();
      await s.page.waitForLoadState('networkidle');
      await s.page.waitForTimeout(300);
      routes[name] = sizeOf(
        distDir,
        loaded.filter((l) => !before.has(l.url)),
      );
    };
    await step('work-item detail', async () => {
      await s.page.locator('a[href^="/work-items/"]').first().click();
      await s.page.getByRole('heading', { level: 1 }).first().waitFor();
      await s.page
        .locator('[data-testid="approval-item-row"]')
        .first()
        .waitFor({ timeout: 30_000 })
        .catch(() => {});
    });
    await step('completed', async () => {
      await s.page
        .getByRole('link', { name: /completed/i })
        .first()
        .click();
      await s.page.waitForURL(/\/completed/);
    });
  } finally {
    await s.context.close();
  }
  const signedOut = await freshSession(browser, server, { identity: null });
  const signInLoaded: Loaded[] = [];
  recordAssets(signedOut.page, signInLoaded);
  try {
    await signedOut.page.goto('/sign-in');
    await signedOut.page
      .getByRole('button', { name: /Sign in as/ })
      .first()
      .waitFor();
    await signedOut.page.waitForLoadState('networkidle');
    const inboxFiles = new Set(routes.inbox.files.map((f) => f.file));
    const deferred = routes.inbox.files.filter(
      (f) => !routes['inbox, before first rows'].files.some((c) => c.file === f.file),
    );
    routes['inbox, deferred chunks (after first rows)'] = sizeOf(
      distDir,
      loaded.filter((l) => deferred.some((d) => d.file === l.url)),
    );
    routes['sign-in (not in the inbox load)'] = sizeOf(
      distDir,
      signInLoaded.filter((l) => !inboxFiles.has(l.url)),
    );
  } finally {
    await signedOut.context.close();
  }
  return routes;
}
