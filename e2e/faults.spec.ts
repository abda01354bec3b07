// The UI under faults, against the production build and a fresh sandbox: faults are injected through
// the admin-only /sandbox/faults endpoint (ada's bearer token) and cleared after every test. Carol's and bob's
// items are used (the other specs work on alice's), each test on its own work items.
import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  apiSession,
  approvalLabel,
  clearFaults,
  countPosts,
  getFaults,
  plainApprovals,
  rowById,
  SEARCH,
  setFaults,
  signIn,
  type ApiWorkItem,
} from './helpers.ts';

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

const approvePath = (w: ApiWorkItem, a: { id?: string }) => `/v3/work-items/${w.id}/approve/${a.id}`;
const bulkApprovePath = (id: string) => `/v3/work-items/bulk-approve/${id}`;

/** A pending approval item whose label is unique within its work item (so its buttons are unambiguous). */
function uniqueApproval(w: ApiWorkItem) {
  const items = w.approvalItems ?? [];
  const a = items.find(
    (x) =>
      (!x.state || x.state === 'Pending') && items.filter((y) => approvalLabel(y) === approvalLabel(x)).length === 1,
  );
  expect(a, `work item ${w.id} has an approval item with a unique label`).toBeTruthy();
  return a!;
}

/** "Access request: N items for …" work items, decided in part or not (the list's order does not change). */
function accessRequests(items: ApiWorkItem[]) {
  return items.filter((w) => w.type === 'Approval' && /^Access request: \d+ items for [A-Za-z' ]+$/.test(w.name ?? ''));
}

/** Carol's approval work items, one per test (in this order): 500, 429, offline, latency. */
async function carolItems(request: APIRequestContext, baseURL: string) {
  const carol = await apiSession(request, baseURL, 'carol.approver');
  const items = accessRequests(await carol.list());
  expect(items.length, "carol's plain approval items").toBeGreaterThanOrEqual(4);
  return items;
}

async function openItem(page: Page, w: ApiWorkItem) {
  await page.goto(`/work-items/${w.id}`);
  await expect(page.getByRole('heading', { name: w.name!, level: 1 })).toBeVisible();
}

test('a 500 on approve: the decision is kept, the page says why it waits, and the retry approves it', async ({
  page,
  request,
  baseURL,
}) => {
  const w = (await carolItems(request, baseURL!))[0];
  const a = uniqueApproval(w);
  const label = approvalLabel(a);
  await setFaults(request, `POST ${approvePath(w, a)}=status:500,count:1`);
  const posts = countPosts(page);

  await signIn(page, 'Carol Approver');
  await openItem(page, w);
  const failed = page.waitForResponse((r) => new URL(r.url()).pathname === approvePath(w, a));
  await page.getByRole('button', { name: `Approve ${label}` }).click();
  const response = await failed;
  expect(response.status()).toBe(500);
  expect(((await response.json()) as { trackingId: string }).trackingId).toBeTruthy();

  // A 500 may be passing: the decision stays made on the page and in the outbox, which says why it waits.
  const waiting = page.getByTestId('outbox-waiting');
  await expect(waiting).toContainText('1 decision waiting to be sent (last try:');
  await expect(page.getByRole('button', { name: `Approve ${label}` })).toHaveCount(0);
  // tried again by itself (the fault was for one call), and it goes through
  await expect.poll(() => posts.to(approvePath(w, a)), { timeout: 20_000 }).toBe(2);
  await expect(waiting).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'failed' })).toHaveCount(0);
  const saved = (await (await request.get(`/v3/work-items/${w.id}`)).json()) as ApiWorkItem;
  expect(saved.approvalItems?.find((x) => x.id === a.id)?.state).toBe('Finished');
});

test('a 429 waits out Retry-After with the countdown shown, then the approval goes through', async ({
  page,
  request,
  baseURL,
}) => {
  const w = (await carolItems(request, baseURL!))[1];
  const a = uniqueApproval(w);
  const label = approvalLabel(a);
  await setFaults(request, `POST ${approvePath(w, a)}=status:429,retry-after:3,count:1`);
  const posts = countPosts(page);

  await signIn(page, 'Carol Approver');
  await openItem(page, w);
  const answered = (status: number) =>
    page.waitForResponse((r) => new URL(r.url()).pathname === approvePath(w, a) && r.status() === status, {
      timeout: 30_000,
    });
  const [limited, accepted] = [answered(429), answered(200)];
  await page.getByRole('button', { name: `Approve ${label}` }).click();
  // (sent once the undo window is over)
  await limited;
  const limitedAt = Date.now();
  const banner = page.getByTestId('rate-limit-banner');
  await expect(banner).toHaveText(/^Rate limited — retrying in [1-3] s$/);
  const saving = page.getByRole('status').filter({ hasText: 'Saving…' });
  await expect(saving).toBeVisible();
  await accepted;
  expect(Date.now() - limitedAt, 'Retry-After (3 s) was waited out').toBeGreaterThanOrEqual(2_900);
  await expect(saving).toBeHidden();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: 'failed' })).toHaveCount(0);
  await posts.settled();
  expect(posts.to(approvePath(w, a)), 'the 429, then the one retry').toBe(2);
  const faults = await getFaults(request);
  expect(faults.rules[0].hits).toBe(1);
});

test('offline: a banner, the decision waits, and the page recovers without a reload; a dropped connection too', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const w = (await carolItems(request, baseURL!))[2];
  const a = uniqueApproval(w);
  const label = approvalLabel(a);
  const posts = countPosts(page);

  await signIn(page, 'Carol Approver');
  await openItem(page, w);
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  await context.setOffline(true);
  const banner = page.getByTestId('offline-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('You are offline');
  // A decision made offline is paused, not lost and not failed: once the undo window is over, it waits.
  await page.getByRole('button', { name: `Approve ${label}` }).click();
  const waiting = page.getByTestId('outbox-waiting');
  await expect(waiting).toContainText('they will be sent when you are back online', { timeout: 20_000 });
  const failedAlert = page.getByRole('alert').filter({ hasText: 'failed' });
  await posts.settled({
    waitForInFlight: false,
    check: async () => expect(await failedAlert.count(), 'no failure shown').toBe(0),
  });
  expect(posts.to(approvePath(w, a)), 'nothing sent while offline').toBe(0);

  await context.setOffline(false);
  await expect(banner).toBeHidden();
  await expect(waiting).toBeHidden();
  await posts.settled();
  expect(posts.to(approvePath(w, a)), 'sent once when the network came back').toBe(1);

  // A page opened offline waits, then loads by itself when the network returns.
  await context.setOffline(true);
  await expect(banner).toBeVisible();
  // (Completed's code was never downloaded: the page says so, and loads by itself when the network returns.)
  await page.getByRole('link', { name: 'Completed' }).click();
  await expect(page.getByRole('heading', { name: 'This page is not loaded yet', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'You are offline. This page loads by itself' })).toBeVisible();
  await context.setOffline(false);
  await expect(banner).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Completed', level: 1 })).toBeVisible();
  await expect(page.getByTestId('list-row').first()).toBeVisible();
  // Data of a page that is already loaded waits too: a new list bound (a new list to load), offline, fills in
  // when the network returns.
  await context.setOffline(true);
  await page.getByRole('combobox', { name: 'Load up to' }).selectOption('5000');
  const unreachable = page.getByRole('alert').filter({ hasText: "Can't reach" });
  await posts.settled({
    waitForInFlight: false,
    check: async () => expect(await unreachable.count(), 'no error while offline').toBe(0),
  });
  await context.setOffline(false);
  await expect(page.getByTestId('queue-mode')).toHaveText('Whole list');
  await expect(page.getByTestId('list-row').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // The server drops the connection of the next decision: kept, "can't reach the server" said, sent once it can.
  const items = w.approvalItems ?? [];
  const b = items.find(
    (x) =>
      x.id !== a.id &&
      (!x.state || x.state === 'Pending') &&
      items.filter((y) => approvalLabel(y) === approvalLabel(x)).length === 1,
  )!;
  expect(b, 'a second approval item with a unique label').toBeTruthy();
  const dropLabel = approvalLabel(b);
  await setFaults(request, `POST ${approvePath(w, b)}=drop`);
  // back to the item through the app's own links (no page load)
  await page.getByRole('link', { name: /^Inbox/ }).click();
  await page.getByRole('searchbox', { name: SEARCH }).fill(w.id);
  await page.getByTestId('list-row').getByRole('link', { name: w.name! }).click();
  await expect(page.getByRole('heading', { name: w.name!, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: `Approve ${dropLabel}` }).click();
  await expect(waiting).toContainText("Can't reach the server", { timeout: 20_000 });
  await expect(page.getByRole('button', { name: `Approve ${dropLabel}` })).toHaveCount(0);
  await clearFaults(request);
  await waiting.getByRole('button', { name: 'Send now' }).click();
  await expect(waiting).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'failed' })).toHaveCount(0);
  const saved = (await (await request.get(`/v3/work-items/${w.id}`)).json()) as ApiWorkItem;
  expect(saved.approvalItems?.find((x) => x.id === b.id)?.state).toBe('Finished');
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});

test('a 3 s latency shows progress and two fast clicks send exactly one decision', async ({
  page,
  request,
  baseURL,
}) => {
  const w = (await carolItems(request, baseURL!))[3];
  const a = uniqueApproval(w);
  const label = approvalLabel(a);
  await setFaults(request, `POST ${approvePath(w, a)}=latency:3000`);
  const posts = countPosts(page);

  await signIn(page, 'Carol Approver');
  await openItem(page, w);
  // Two clicks in the same task: React has not re-rendered the disabled button between them.
  await page.getByRole('button', { name: `Approve ${label}` }).evaluate((button: HTMLElement) => {
    button.click();
    button.click();
  });
  const saving = page.getByRole('status').filter({ hasText: 'Saving…' });
  // held for the undo window, then on its way for the 3 s
  await expect(saving).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Approve all' })).toBeDisabled();
  await expect(saving).toBeHidden({ timeout: 15_000 });
  await posts.settled();
  expect(posts.to(approvePath(w, a)), 'the page sent one POST').toBe(1);
  expect((await getFaults(request)).rules[0].hits, 'the server saw one POST').toBe(1);
});

/** Selects the work items with these ids in the inbox (searching by id), in this order. */
async function selectByIds(page: Page, ids: string[]) {
  for (const id of ids) {
    const row = await rowById(page, id);
    await row.getByRole('checkbox').check();
  }
  await page.getByRole('searchbox', { name: SEARCH }).fill('');
  await expect(page.getByText(`${ids.length} selected`)).toBeVisible();
}

/** Bob's untouched approval work items (8 at first): the bulk test takes the first three, the 401 test the last five. */
async function bobItems(request: APIRequestContext, baseURL: string) {
  const bob = await apiSession(request, baseURL, 'bob.approver');
  const items = plainApprovals(await bob.list());
  expect(items.length, "bob's plain approval items").toBeGreaterThanOrEqual(5);
  return items;
}

test('bulk approval with one failure: exact results, the failure stays selected, successes never re-sent', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const [x, y, z] = (await bobItems(request, baseURL!)).slice(0, 3);
  // y fails with a 500 every time; every bulk call takes a second, so the progress can be seen.
  await setFaults(
    request,
    [`POST ${bulkApprovePath(y.id)}=status:500`, 'POST /v3/work-items/bulk-approve/*=latency:1000'].join(';'),
  );
  const posts = countPosts(page);

  await signIn(page, 'Bob Approver');
  await selectByIds(page, [x.id, y.id, z.id]);
  await page.getByRole('button', { name: 'Approve selected' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(/^Approve \d+ approval items in 3 work items\?/);
  await dialog.getByRole('button', { name: /^Approve \d+ approval items in 3 work items$/ }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Approve progress' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Working…' })).toBeDisabled();
  await expect(dialog.getByRole('heading', { name: 'Approve selected: done' })).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByText('3 of 3 work items done · 1 failed')).toBeVisible();
  await expect(dialog.getByText('2 succeeded, 1 failed.')).toBeVisible();
  const results = dialog.getByRole('list', { name: 'Results' }).getByRole('listitem');
  await expect(results).toHaveCount(3);
  await expect(results.nth(0)).toContainText(`✓ ${x.name}`);
  await expect(results.nth(0)).toContainText('Approved');
  await expect(results.nth(1)).toContainText(`✗ ${y.name}`);
  await expect(results.nth(1)).toContainText('Injected fault: 500');
  await expect(results.nth(2)).toContainText(`✓ ${z.name}`);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Only the failure stays selected, with its reason.
  await expect(page.getByText('1 selected')).toBeVisible();
  const yRow = await rowById(page, y.id);
  await expect(yRow.getByRole('checkbox')).toBeChecked();
  await expect(yRow.getByTestId('row-failure')).toContainText('Injected fault: 500');
  await posts.settled();
  expect(posts.to(bulkApprovePath(x.id))).toBe(1);
  expect(posts.to(bulkApprovePath(y.id))).toBe(1);
  expect(posts.to(bulkApprovePath(z.id))).toBe(1);

  // The server is fine again: "Approve selected" sends only the failed one.
  await clearFaults(request);
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await dialog.getByRole('button', { name: /^Approve \d+ approval items? in 1 work item$/ }).click();
  await expect(dialog.getByText('Approved 1 work item.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await posts.settled();
  expect(posts.to(bulkApprovePath(x.id)), 'a success is never sent again').toBe(1);
  expect(posts.to(bulkApprovePath(y.id))).toBe(2);
  expect(posts.to(bulkApprovePath(z.id)), 'a success is never sent again').toBe(1);
  await expect(page.getByText(/\d+ selected/)).toHaveCount(0);
});

test('a 401 in the middle of a bulk run: sign in again and the run resumes with only the undone items', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // Five of bob's items; the runner sends up to 4 at once. d is refused with a 401 at once while a, b, c (slowed
  // down) are in flight; e is never sent.
  const [d, a, b, c, e] = (await bobItems(request, baseURL!)).slice(-5);
  await setFaults(
    request,
    [`POST ${bulkApprovePath(d.id)}=status:401,count:1`, 'POST /v3/work-items/bulk-approve/*=latency:800'].join(';'),
  );
  const posts = countPosts(page);

  await signIn(page, 'Bob Approver');
  await selectByIds(page, [d.id, a.id, b.id, c.id, e.id]);
  const inFlight = Promise.all(
    [a, b, c].map((w) => page.waitForResponse((r) => new URL(r.url()).pathname === bulkApprovePath(w.id))),
  );
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Approve \d+ approval items in 5 work items$/ })
    .click();

  // d's 401 sends bob to sign in; what was in flight finishes, nothing new is sent.
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await expect(page.getByText('Your session has expired')).toBeVisible();
  expect((await inFlight).map((r) => r.status())).toEqual([200, 200, 200]);
  await posts.settled();
  expect(posts.to(bulkApprovePath(d.id))).toBe(1);
  for (const w of [a, b, c]) expect(posts.to(bulkApprovePath(w.id))).toBe(1);
  expect(posts.to(bulkApprovePath(e.id)), 'nothing is sent after the 401').toBe(0);
  await page.getByRole('button', { name: 'Sign in as Bob Approver' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();

  const offer = page.getByTestId('bulk-resume');
  await expect(offer).toContainText('Approve selected was interrupted when your session expired: 3 done, 2 items left');
  for (const w of [d, e]) await expect(offer).toContainText(w.name!);
  await offer.getByRole('button', { name: 'Resume' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Approve selected: done' })).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByText('Approved 2 work items.')).toBeVisible();
  const results = dialog.getByRole('list', { name: 'Results' }).getByRole('listitem');
  await expect(results).toHaveCount(2);
  await expect(results.nth(0)).toContainText(`✓ ${d.name}`);
  await expect(results.nth(1)).toContainText(`✓ ${e.name}`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(offer).toHaveCount(0);
  await expect(page.getByText(/\d+ selected/)).toHaveCount(0);

  await posts.settled();
  for (const w of [a, b, c]) expect(posts.to(bulkApprovePath(w.id)), 'a success before the 401 is not re-sent').toBe(1);
  for (const w of [d, e]) expect(posts.to(bulkApprovePath(w.id))).toBe(w === d ? 2 : 1);
  // All five are decided on the server.
  const bob = await apiSession(request, baseURL!, 'bob.approver');
  const left = new Set((await bob.list()).map((w) => w.id));
  expect([d, a, b, c, e].map((w) => w.id).filter((id) => left.has(id))).toEqual([]);
});
