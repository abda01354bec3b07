import { type Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { BOOTSTRAP_ELEMENT_ID } from '../contract/bootstrap.ts';
import { apiSession, plainApprovals } from './helpers.ts';

// The inbox arrives with every kind's first rows embedded in the HTML: they show while the page's own list requests
// are still held back, and a decision made elsewhere meanwhile replaces them with the fresh list as soon as it answers.
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

  // one of her pending approvals in the Approvals service: its first page is embedded too, cut to what the list reads
  const service = await request.get(
    `/v2025/generic-approvals?mine=true&limit=250&offset=0&count=true&filters=${encodeURIComponent('status eq "PENDING"')}`,
  );
  expect(service.ok()).toBe(true);
  const approval = ((await service.json()) as { id: string; name?: { value?: string }[] }[]).find(
    (a) => a.name?.[0]?.value && /^[\w .,'-]+$/.test(a.name[0].value),
  );
  expect(approval, 'a pending Approvals-service approval of alice with a plain name').toBeTruthy();

  // Hold every kind's list requests until released (then they go to the real server unchanged).
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: Route[] = [];
  const lists = ['/v3/work-items', '/v3/access-request-approvals/pending', '/v2025/generic-approvals'];
  await page.route(
    (url) => lists.includes(url.pathname),
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
  // every kind's first page came with the page: the Approvals service's row is listed while its request is held
  const serviceRow = page
    .getByTestId('list-row')
    .filter({ has: page.locator(`a[href*="/approvals/${approval!.id}"]`) });
  await page.getByRole('searchbox', { name: 'Search the list' }).fill(approval!.id);
  await expect(serviceRow).toHaveCount(1);
  await expect(serviceRow).toContainText(approval!.name![0]!.value!);
  expect(
    held.some((route) => new URL(route.request().url()).pathname === '/v2025/generic-approvals'),
    "the Approvals service's list request is among those held",
  ).toBe(true);
  await page.getByRole('searchbox', { name: 'Search the list' }).fill(target!.id);

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
