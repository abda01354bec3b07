import fs from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { apiSession, expectNoSeriousA11yViolations, plainApprovals, signIn } from './helpers.ts';

// axe on sign-in, inbox, completed and detail (light and dark), and screenshots of inbox, detail and completed
// in both colour schemes under test-results/screenshots/. Only reads: it decides nothing.

const SHOTS = 'test-results/screenshots';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('sign-in page has no serious accessibility violations', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in as Alice Approver' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, `sign-in (${colorScheme})`);
    await shot(page, `sign-in-${colorScheme}`);
  }
});

test('inbox, completed and detail: axe and screenshots in light and dark', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const bob = await apiSession(request, baseURL!, 'bob.approver');
  const items = await bob.list();
  const detail = plainApprovals(items).find((w) => (w.approvalItems ?? []).length >= 3) ?? items[0];
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, 'Bob Approver');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });

    await page.goto('/inbox');
    await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
    await expect(page.getByTestId('list-row').first()).toBeVisible();
    await expect(page.getByTestId('summary-pending-work-item')).not.toBeEmpty();
    await expectNoSeriousA11yViolations(page, `inbox (${colorScheme})`);
    await shot(page, `inbox-${colorScheme}`);

    await page.goto(`/work-items/${detail.id}`);
    await expect(page.getByRole('heading', { name: detail.name!, level: 1 })).toBeVisible();
    await expect(page.getByTestId('approval-item-row').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, `detail (${colorScheme})`);
    await shot(page, `detail-${colorScheme}`);

    await page.goto('/completed');
    await expect(page.getByRole('heading', { name: 'Completed', level: 1 })).toBeVisible();
    await expect(page.getByTestId('list-row').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, `completed (${colorScheme})`);
    await shot(page, `completed-${colorScheme}`);
  }
});
