// One inbox, every kind the same, checked through the API: every list shortcut and every detail-page shortcut of a
// work item and of an access request does what it says (a comment-required reject by key asks for the comment);
// single decisions from each place are held with Undo, then sent; a search matching 12 of a work item's 500
// approval items decides exactly those after a confirmation naming them; the nav, the summary and the list agree;
// "Next item" follows the list across kinds; a focused row stays put while later pages arrive; the history's CSV
// has Kind, Requested for and Comment columns. Alice's queue runs to a second page of work items here.
import fs from 'node:fs';
import Papa from 'papaparse';
import { type APIRequestContext, type Page, type Route } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { CompletedApproval, PendingApproval } from '../contract/access-requests.ts';
import type { WorkItem } from '../contract/work-items.ts';
import { apiSession, SEARCH, signIn, watchRequests, wholeQueueLoaded } from './helpers.ts';

test.use({ seedScale: 260 });

const AR = '/v3/access-request-approvals';

async function workItem(request: APIRequestContext, id: string): Promise<WorkItem> {
  const r = await request.get(`/v3/work-items/${id}`);
  expect(r.ok(), await r.text()).toBeTruthy();
  return (await r.json()) as WorkItem;
}

const states = async (request: APIRequestContext, id: string) =>
  ((await workItem(request, id)).approvalItems ?? []).map((a) => a?.state ?? 'Pending');

async function allWorkItems(request: APIRequestContext): Promise<WorkItem[]> {
  const items: WorkItem[] = [];
  for (let offset = 0; ; offset += 250) {
    const r = await request.get(`/v3/work-items?limit=250&offset=${offset}&count=true`);
    items.push(...((await r.json()) as WorkItem[]));
    if (offset + 250 >= Number(r.headers()['x-total-count'])) return items;
  }
}

async function approvals(request: APIRequestContext, list: 'pending' | 'completed'): Promise<PendingApproval[]> {
  const r = await request.get(`${AR}/${list}?owner-id=me&limit=250&offset=0&count=true`);
  expect(r.ok()).toBeTruthy();
  return (await r.json()) as PendingApproval[];
}

async function findApproval(request: APIRequestContext, list: 'pending' | 'completed', id: string) {
  const r = await request.get(`${AR}/${list}?owner-id=me&filters=${encodeURIComponent(`id eq "${id}"`)}`);
  return ((await r.json()) as (PendingApproval & CompletedApproval)[])[0];
}

/** The focused row's item (from its link) and index. */
async function focused(page: Page): Promise<{ href: string | null; index: number | null }> {
  return page.evaluate(() => {
    const row = document.activeElement?.closest<HTMLElement>('tr[data-index]');
    return {
      href: row?.querySelector('a')?.getAttribute('href') ?? null,
      index: row ? Number(row.dataset.index) : null,
    };
  });
}

/** Narrows the list to one item by its id and focuses its row with j. */
async function focusRow(page: Page, id: string) {
  await page.getByRole('searchbox', { name: SEARCH }).fill(id);
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  await page.getByRole('heading', { name: 'Inbox', level: 1 }).click();
  await page.keyboard.press('j');
  await expect.poll(async () => (await focused(page)).href).toContain(id);
}

const announcer = (page: Page) => page.getByTestId('announcer');

test('work items: every list and detail-page shortcut, held single decisions, bulk on exactly the matched items', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await apiSession(request, baseURL!, 'alice.approver');
  const items = await allWorkItems(request);
  const pending = (w: WorkItem) => (w.approvalItems ?? []).filter((a) => !a?.state || a.state === 'Pending');
  const plain = items.filter((w) => w.type === 'Approval' && /^Access request: \d+ items for /.test(w.name ?? ''));
  const one = items.filter(
    (w) =>
      w.type === 'Approval' &&
      pending(w).length === 1 &&
      (w.approvalItems ?? []).length === 1 &&
      !/[<>]/.test(w.name ?? ''),
  );
  const two = plain.find((w) => pending(w).length === 2)!;
  const three = plain.find((w) => pending(w).length === 3)!;
  const task = items.find((w) => w.type === 'Generic' && (w.remediationItems ?? []).length > 0 && !w.form)!;
  const big = items.find((w) => w.name?.startsWith('Role migration: 500'))!;
  const matched = (big.approvalItems ?? [])
    .filter((a) =>
      [a.account, a.name, a.value, a.application].some((t) => t?.toLowerCase().includes('platform-admins')),
    )
    .map((a) => a.id);
  expect(one.length >= 2 && two && three && task && big && matched.length > 1).toBeTruthy();
  const posts = watchRequests(page);

  await signIn(page, 'Alice Approver');
  await wholeQueueLoaded(page);
  // the nav, the summary and the list say the same count: every kind's pending items
  const total = Number(await page.getByTestId('summary-pending').textContent());
  await expect(page.getByTestId('inbox-count')).toHaveText(String(total));
  await expect(page.getByTestId('match-count')).toHaveText(`${total} pending`);

  // A search matching some of the big work item's approval items: the row says how many, and the bulk decision
  // (after a confirmation naming them) decides exactly those, one request each.
  await page.getByRole('searchbox', { name: SEARCH }).fill('platform-admins');
  const bigRow = page.getByTestId('list-row').filter({ has: page.locator(`a[href*="/work-items/${big.id}"]`) });
  await expect(bigRow.getByTestId('row-match')).toHaveText(`${matched.length} of 500 pending approval items match`);
  await bigRow.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Reject selected' }).click();
  const bulk = page.getByRole('dialog');
  await expect(bulk.getByRole('heading')).toHaveText(`Reject ${matched.length} approval items in 1 work item?`);
  await expect(bulk).toContainText(
    `Decide all 500 pending approval items of this work item, not only the ${matched.length}`,
  );
  await page.screenshot({ path: 'test-results/screenshots/bulk-confirmation-matched.png' });
  await bulk.getByRole('button', { name: `Reject ${matched.length} approval items in 1 work item` }).click();
  await expect(bulk).toContainText('Rejected 1 work item.', { timeout: 30_000 });
  await bulk.getByRole('button', { name: 'Close' }).click();
  const after = await workItem(request, big.id);
  const rejected = (after.approvalItems ?? []).filter((a) => a?.state === 'Rejected').map((a) => a!.id);
  expect(rejected.sort()).toEqual([...matched].sort());
  expect((after.approvalItems ?? []).filter((a) => a?.state === 'Pending')).toHaveLength(500 - matched.length);
  expect(posts.postsTo(new RegExp(`^/v3/work-items/${big.id}/reject/`))).toBe(matched.length);

  // a: one approval item → decided at once, held: z takes it back (nothing sent); a again → sent when the hold ends
  await focusRow(page, one[0].id);
  await page.keyboard.press('a');
  await expect(page.getByRole('alert').filter({ hasText: `Approved “${one[0].name}”` })).toBeVisible();
  await expect(page.getByTestId('list-row')).toHaveCount(0); // shown at once: it left the list
  await page.keyboard.press('z');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was sent' })).toBeVisible();
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  await focusRow(page, one[0].id);
  const approveSent = page.waitForResponse((r) => r.url().endsWith(`/bulk-approve/${one[0].id}`), { timeout: 20_000 });
  await page.keyboard.press('a');
  expect((await approveSent).ok()).toBe(true);
  expect(posts.postsTo(`/v3/work-items/bulk-approve/${one[0].id}`)).toBe(1);
  expect(await states(request, one[0].id)).toEqual(['Finished']);

  // r on two approval items: asks first, naming them; Enter decides; held, then sent
  await focusRow(page, two.id);
  await page.keyboard.press('r');
  const ask = page.getByRole('dialog');
  await expect(ask.getByRole('heading')).toHaveText(`Reject all 2 pending approval items of “${two.name}”?`);
  const rejectSent = page.waitForResponse((r) => r.url().endsWith(`/bulk-reject/${two.id}`), { timeout: 20_000 });
  await page.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  expect((await rejectSent).ok()).toBe(true);
  expect(await states(request, two.id)).toEqual(['Rejected', 'Rejected']);

  // e: not on an approval with pending items (says why, sends nothing); on a task: held, then sent
  await focusRow(page, three.id);
  await page.keyboard.press('e');
  await expect(announcer(page)).toHaveText(`“${three.name}” has approval items to decide first`);
  // f: the forward dialog; Escape gives the focus back to the row
  await page.keyboard.press('f');
  await expect(page.getByRole('dialog').getByRole('combobox', { name: 'Forward to' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(async () => (await focused(page)).href).toContain(three.id);
  // →: the row shows its approval items here; ←: hidden again
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('row-expansion').getByTestId('panel-approval-item')).toHaveCount(3);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('row-expansion')).toHaveCount(0);
  await focusRow(page, task.id);
  const completeSent = page.waitForResponse((r) => new URL(r.url()).pathname === `/v3/work-items/${task.id}`, {
    timeout: 20_000,
  });
  await page.keyboard.press('e');
  expect((await completeSent).request().method()).toBe('POST');
  expect((await workItem(request, task.id)).state).toBe('Finished');

  // The detail page, by keyboard: j/k between approval items, a and r on the focused one (held, then sent), n the
  // next item of the list it came from, u back to that list.
  await focusRow(page, three.id);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: three.name!, level: 1 })).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('a');
  await expect(page.getByRole('alert').filter({ hasText: /^Approved / })).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByRole('alert').filter({ hasText: /^Rejected / })).toBeVisible();
  await expect.poll(() => states(request, three.id), { timeout: 20_000 }).toEqual(['Finished', 'Rejected', 'Pending']);
  await page.keyboard.press('e');
  await expect(announcer(page)).toHaveText(/^This approval item is decided already|has approval items to decide first/);
  await page.keyboard.press('u');
  await expect(page).toHaveURL(new RegExp(`/inbox\\?q=${three.id}`));
  await expect.poll(async () => (await focused(page)).href).toContain(three.id);
});

test('access requests: every list and detail-page shortcut; a reject that needs a comment asks for it', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await apiSession(request, baseURL!, 'alice.approver');
  const pending = await approvals(request, 'pending');
  const free = pending.filter((a) => !a.commentRequiredWhenRejected && !a.actionInProcess);
  const strict = pending.filter((a) => a.commentRequiredWhenRejected && !a.actionInProcess);
  expect(free.length >= 2 && strict.length >= 2).toBeTruthy();
  const name = (a: PendingApproval) => a.requestedObject?.name ?? a.name ?? a.id;
  const posts = watchRequests(page);

  await signIn(page, 'Alice Approver');
  await wholeQueueLoaded(page);

  // a: held (the row leaves at once), z undoes it, nothing sent; a again: sent when the hold ends
  await focusRow(page, free[0].id);
  await page.keyboard.press('a');
  await expect(page.getByRole('alert').filter({ hasText: `Approved “${name(free[0])}”` })).toBeVisible();
  await page.keyboard.press('z');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was sent' })).toBeVisible();
  await focusRow(page, free[0].id);
  const approveSent = page.waitForResponse((r) => r.url().endsWith(`${AR}/${free[0].id}/approve`), {
    timeout: 20_000,
  });
  await page.keyboard.press('a');
  await approveSent;
  expect(posts.postsTo(`${AR}/${free[0].id}/approve`)).toBe(1);
  expect((await findApproval(request, 'completed', free[0].id)).state).toBe('APPROVED');

  // r on one that needs a comment: it asks for it, refuses without it, decides with it
  await focusRow(page, strict[0].id);
  await page.keyboard.press('r');
  const ask = page.getByRole('dialog');
  await expect(ask.getByRole('heading')).toHaveText(`Reject “${name(strict[0])}”?`);
  const comment = ask.getByRole('textbox', { name: /Comment/ });
  await expect(comment).toBeFocused();
  await ask.getByRole('button', { name: 'Reject' }).click();
  await expect(ask).toContainText('A comment is required to reject this access request.');
  await comment.fill('No ticket for this');
  const rejectSent = page.waitForResponse((r) => r.url().endsWith(`${AR}/${strict[0].id}/reject`), {
    timeout: 20_000,
  });
  await ask.getByRole('button', { name: 'Reject' }).click();
  await rejectSent;
  const rejected = await findApproval(request, 'completed', strict[0].id);
  expect(rejected.state).toBe('REJECTED');
  expect(rejected.reviewerComment?.comment).toBe('No ticket for this');

  // e: access requests have no such action: it says so and sends nothing; x selects; → shows it here
  await focusRow(page, free[1].id);
  await page.keyboard.press('e');
  await expect(announcer(page)).toHaveText(`“${name(free[1])}” is an access request: Mark complete is for work items`);
  await page.keyboard.press('x');
  await expect(page.getByText('1 selected')).toBeVisible();
  await page.keyboard.press('x');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('row-expansion')).toContainText(`for ${free[1].requestedFor!.name}`);
  await page.keyboard.press('ArrowLeft');
  // f: the forward dialog (a comment of at most 255 characters)
  await page.keyboard.press('f');
  await expect(page.getByRole('dialog')).toContainText('at most 255 characters');
  await page.keyboard.press('Escape');

  // Its page by keyboard: r asks for the comment in place; Tab out, r again: held, z undone; a: sent
  await focusRow(page, strict[1].id);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: name(strict[1]), level: 1 })).toBeVisible();
  await page.keyboard.press('r');
  const field = page.getByRole('textbox', { name: 'Comment' });
  await expect(field).toBeFocused();
  await expect(page.getByText('A comment is required to reject this request.')).toBeVisible();
  await page.keyboard.type('Out of policy');
  await page.keyboard.press('Tab');
  await page.keyboard.press('r');
  await expect(page.getByTestId('access-request-held')).toContainText('Rejected');
  await page.keyboard.press('z');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was sent' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeVisible();
  const sent = page.waitForResponse((r) => r.url().endsWith(`${AR}/${strict[1].id}/approve`), { timeout: 20_000 });
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('a');
  await sent;
  expect(posts.postsTo(`${AR}/${strict[1].id}/reject`)).toBe(0);
  await expect(page.getByTestId('access-request-outcome')).toContainText('Approved by Alice Approver', {
    timeout: 15_000,
  });
  const approved = await findApproval(request, 'completed', strict[1].id);
  expect(approved.reviewerComment?.comment).toBe('Out of policy');
  await page.keyboard.press('u');
  await expect(page).toHaveURL(/\/inbox/);
});

test('Next item follows the list across kinds; a focused row stays put while later pages arrive; the CSV', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // the work items' later pages wait until released
  const waiting: Route[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === '/v3/work-items' && Number(url.searchParams.get('offset')) > 0,
    async (route) => {
      waiting.push(route);
      await released;
      await route.continue();
    },
  );
  // the work items alone while they stream (the Approvals service's seed holds older items than their later pages)
  await signIn(page, 'Alice Approver', '/inbox?sort=oldest&kind=work-item');
  await expect(page.getByTestId('queue-progress')).toBeVisible();
  await page.getByRole('heading', { name: 'Inbox', level: 1 }).click();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  // (a move scrolls the row into view first: the focus lands a frame or two later)
  await expect.poll(async () => (await focused(page)).index).toBe(1);
  const before = await focused(page);
  await expect.poll(() => waiting.length).toBeGreaterThan(0);
  release();
  await wholeQueueLoaded(page);
  // older items (sorted above it) arrived: they wait behind a notice, the focused row did not move
  await expect(page.getByTestId('arrived')).toHaveText(/^\d+ more arrived — show$/);
  expect(await focused(page)).toEqual(before);
  await page.getByTestId('arrived').click();
  await expect(page.getByTestId('arrived')).toHaveCount(0);
  await page.unroute(() => true);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('');
  // the list of every kind on screen (it re-renders a moment after the choice)
  await expect(page).not.toHaveURL(/kind=/);
  await expect(page.locator('tr[data-index] a[href^="/access-requests/"]').first()).toBeAttached();

  // Next item, across kinds: three rows in a row of the oldest-first list that hold both kinds
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll('tr[data-index] a')].map((a) => a.getAttribute('href')!),
  );
  const start = hrefs.findIndex(
    (_, i) =>
      hrefs.slice(i, i + 3).some((h) => h.startsWith('/access-requests/')) &&
      hrefs.slice(i, i + 3).some((h) => h.startsWith('/work-items/')) &&
      i + 3 <= hrefs.length,
  );
  expect(start).toBeGreaterThanOrEqual(0);
  await page.locator(`tr[data-index] a[href="${hrefs[start]}"]`).click();
  await expect(page).toHaveURL(hrefs[start]);
  for (const next of hrefs.slice(start + 1, start + 3)) {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Next item' })).toBeEnabled();
    await page.keyboard.press('n');
    await expect(page).toHaveURL(next);
  }

  // The history's CSV: a Kind column, Requested for for every kind, the reviewer's comment in its own column
  await page.getByRole('link', { name: 'Completed' }).click();
  await wholeQueueLoaded(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^completed-all-\d{4}-\d{2}-\d{2}\.csv$/);
  const { data } = Papa.parse<string[]>(
    fs.readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, ''),
    {
      skipEmptyLines: true,
    },
  );
  const [header, ...rows] = data;
  const col = (name: string) => header.indexOf(name);
  expect(header).toEqual(expect.arrayContaining(['Kind', 'Requested for', 'Comment']));
  expect(new Set(rows.map((r) => r[col('Kind')]))).toEqual(new Set(['work item', 'access request', 'approval']));
  // an approval someone decided says who; one that expired says so
  const decidedApprovals = rows.filter(
    (r) => r[col('Kind')] === 'approval' && /^(Approved|Rejected)$/.test(r[col('Outcome')]),
  );
  expect(decidedApprovals.length).toBeGreaterThan(0);
  expect(decidedApprovals.filter((r) => r[col('Decided by')] === '')).toEqual([]);
  // for whom: an access request says it; a work item's remediation, form or name ("… for Marcus Chen") does
  const forWhom = rows.filter((r) => r[col('Kind')] === 'access request' || / for [A-Z]/.test(r[col('Name')]));
  expect(forWhom.length).toBeGreaterThan(10);
  expect(forWhom.filter((r) => r[col('Requested for')] === '').map((r) => r[col('Name')])).toEqual([]);
  expect(rows.some((r) => r[col('Kind')] === 'access request' && r[col('Comment')] !== '')).toBe(true);
  expect(rows.every((r) => !r[col('Description')].startsWith('Comment:'))).toBe(true);
});
