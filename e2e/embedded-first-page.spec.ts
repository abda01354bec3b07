import { type Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { BOOTSTRAP_ELEMENT_ID } from '../contract/bootstrap.ts';
import { apiSession, plainApprovals } from './helpers.ts';

// The inbox arrives with its first rows embedded in the HTML: they show while the page's own list request is still
// held back, and a decision made elsewhere meanwhile replaces them with the fresh list as soon as it answers.
test('the inbox shows the embedded rows at once, then the fresh ones after a decision made elsewhere', async ({
  page,
  request,
  baseURL,
}) => {
  // "elsewhere": another session of the same identity (its own cookie). Alice's item that no other spec decides:
  // theirs are her first items with 2–4 approval items and her last nine.
  const elsewhere = await apiSession(request, baseURL!, 'alice.approver');
  const target = plainApprovals(await elsewhere.list())
    .slice(0, -9)
    .find((w) => ![2, 3, 4].includes(w.approvalItems?.length ?? 0));
  expect(target, 'a plain approval of alice no other spec uses').toBeTruthy();

  const signedIn = await page.request.post('/auth/session', {
    data: { identity: 'alice.approver' },
    headers: { 'X-Requested-With': 'XMLHttpRequest', Origin: baseURL! },
  });
  expect(signedIn.ok()).toBe(true);

  // Hold the page's list requests until released (then they go to the real server unchanged).
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: Route[] = [];
  await page.route(
    (url) => url.pathname === '/v3/work-items',
    async (route) => {
      held.push(route);
      await released;
      await route.continue();
    },
  );

  const documentAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/inbox');
  await page.goto('/inbox');
  const html = await (await documentAnswer).text();
  expect(html).toContain(`id="${BOOTSTRAP_ELEMENT_ID}"`);
  // the data block is read once and taken out of the document
  await expect(page.locator(`#${BOOTSTRAP_ELEMENT_ID}`)).toHaveCount(0);

  // (both kinds are listed together: past the virtualiser's threshold, so the row is found by a search)
  const row = page.getByTestId('list-row').filter({ has: page.locator(`a[href*="/work-items/${target!.id}"]`) });
  await page.getByRole('searchbox', { name: 'Search the list' }).fill(target!.id);
  await expect(row).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(held.length, 'the rows came from the embed: the list request is still held').toBeGreaterThan(0);

  // decided elsewhere, while this page shows the embedded rows
  const decided = await request.post(`/v3/work-items/bulk-approve/${target!.id}`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest', Origin: baseURL! },
  });
  expect(decided.ok()).toBe(true);
  await expect(row).toHaveCount(1);

  release();
  await expect(row).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search the list' }).fill('');
  await expect(page.getByTestId('list-row').first()).toBeVisible();
});
