import { type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { apiSession, plainApprovals } from './helpers.ts';

// The production build runs under the server's strict Content-Security-Policy: signing in, the inbox and a
// detail page produce no CSP violation (neither a `securitypolicyviolation` event nor a console report).

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function watchCsp(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy|Refused to (load|apply|execute|connect|frame|evaluate)/i.test(text)) {
      console.push(`${message.type()}: ${text}`);
    }
  });
  // Registered before any page script runs, on every document this page loads.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  return console;
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

test('the built app runs under the CSP with no violations: sign-in, inbox, detail', async ({
  page,
  request,
  baseURL,
}) => {
  const consoleReports = await watchCsp(page);
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const detail = plainApprovals(await alice.list())[0]!;

  const response = await page.goto('/sign-in');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('upgrade-insecure-requests'); // plain http here
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');

  await page.getByRole('button', { name: 'Sign in as Alice Approver' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await expect(page.getByTestId('list-row').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.goto(`/work-items/${detail.id}`);
  await expect(page.getByRole('heading', { name: detail.name!, level: 1 })).toBeVisible();
  await expect(page.getByTestId('approval-item-row').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // the dark theme injects its own styles at run time
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/inbox');
  await expect(page.getByTestId('list-row').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(consoleReports).toEqual([]);
});
