// The whole queue, against its own sandbox (the second webServer in playwright.config.ts: alice has a few hundred
// more pending items, so the server's pages of 250 run to a third): the list covers every item, its sort, search,
// filters and counts agree with what the API holds, "Select all matching" acts on exactly the matching items
// (checked through the API), a 429 in the middle of a run loses and repeats nothing, the admin forwards all of
// alice's items of one type to bob, and the completed history's CSV export survives hostile values.
import fs from 'node:fs';
import Papa from 'papaparse';
import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { WorkItem } from '../contract/work-items.ts';
import { apiSession, clearFaults, rowById, SEARCH, setFaults, signIn, wholeQueueLoaded } from './helpers.ts';

// alice's queue runs to a third page of 250 here
test.use({ seedScale: 520 });

const DAY = 86_400_000;
const SHOTS = 'test-results/screenshots';

/** Every item of a v3 list for the signed-in identity of `request`, page by page. */
async function listAll(request: APIRequestContext, path: string): Promise<WorkItem[]> {
  const all: WorkItem[] = [];
  for (let offset = 0; ; offset += 250) {
    const r = await request.get(`${path}?limit=250&offset=${offset}&count=true`);
    expect(r.ok(), await r.text()).toBeTruthy();
    const page = (await r.json()) as WorkItem[];
    all.push(...page);
    if (offset + 250 >= Number(r.headers()['x-total-count'])) return all;
  }
}

/**
 * How many approvals the inbox (pending) or history (completed) lists beside the work items: access-request
 * approvals and those of the Approvals service.
 */
async function approvalCount(request: APIRequestContext, list: 'pending' | 'completed'): Promise<number> {
  const r = await request.get(`/v3/access-request-approvals/${list}?owner-id=me&limit=1&count=true`);
  expect(r.ok(), await r.text()).toBeTruthy();
  const status = list === 'pending' ? 'status eq "PENDING"' : 'status ne "PENDING"';
  const g = await request.get(
    `/v2025/generic-approvals?mine=true&count-only=true&filters=${encodeURIComponent(status)}`,
  );
  expect(g.ok(), await g.text()).toBeTruthy();
  return Number(r.headers()['x-total-count']) + Number(g.headers()['x-total-count']);
}

/** The oldest pending access-request approval's created time (the inbox sorts both kinds as one list). */
async function oldestApproval(request: APIRequestContext): Promise<{ id: string; created: number }> {
  const r = await request.get('/v3/access-request-approvals/pending?owner-id=me&limit=1&sorters=created');
  const [a] = (await r.json()) as { id: string; created: string }[];
  return { id: a.id, created: Date.parse(a.created) };
}

const applications = (w: WorkItem) =>
  new Set([
    ...(w.approvalItems ?? []).map((a) => a?.application),
    ...(w.remediationItems ?? []).map((r) => r?.applicationName),
  ]);

async function openInbox(page: Page, total: number, path = '/inbox') {
  await page.goto(path);
  await expect(page.getByTestId('match-count')).toHaveText(`${total.toLocaleString('en')} pending`);
}

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test('the whole queue: oldest first is the oldest of all, search reaches the third page, filter counts match the API', async ({
  page,
  request,
  baseURL,
}) => {
  await apiSession(request, baseURL!, 'alice.approver');
  const items = await listAll(request, '/v3/work-items');
  expect(items.length, 'more than two server pages').toBeGreaterThan(500);
  // the inbox lists access requests and the Approvals service's approvals too: every count below is of all kinds
  const all = items.length + (await approvalCount(request, 'pending'));
  const oldestAccessRequest = await oldestApproval(request);
  await signIn(page, 'Alice Approver');
  await openInbox(page, all);
  await expect(page.getByTestId('queue-mode')).toHaveText('Whole list');
  await expect(page.getByTestId('summary-oldest')).toContainText('over 30 days');

  // "Oldest first" shows the oldest item of the whole queue, not of the first page.
  const oldest = [...items].sort((a, b) => Date.parse(a.created!) - Date.parse(b.created!))[0];
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('oldest');
  await expect(page).toHaveURL(/sort=oldest/);
  const first = page.getByTestId('list-row').first();
  const r = await request.get(
    `/v2025/generic-approvals?mine=true&limit=250&filters=${encodeURIComponent('status eq "PENDING"')}`,
  );
  const approvals = (await r.json()) as { id: string; createdDate: string }[];
  const candidates = [
    { href: `/access-requests/${oldestAccessRequest.id}`, created: oldestAccessRequest.created },
    { href: `/work-items/${oldest.id}`, created: Date.parse(oldest.created!) },
    ...approvals.map((a) => ({ href: `/approvals/${a.id}`, created: Date.parse(a.createdDate) })),
  ];
  const oldestOfAll = candidates.sort((a, b) => a.created - b.created)[0];
  await expect(first.getByRole('link')).toHaveAttribute('href', oldestOfAll.href);
  await expect(first).toContainText('over 30 days');

  // A search finds an item the server returns on its third page (offset 500+), by its id and by an account.
  const third = items[510];
  await expect(await rowById(page, third.id)).toContainText(third.name!);
  // …and by what is inside it: an approval item's account and value, searched together (every term must match)
  const inside = (third.approvalItems ?? []).find((a) => a?.account && a.value)!;
  await page.getByRole('searchbox', { name: SEARCH }).fill(`${inside.account} ${inside.value}`);
  await expect(page.locator(`a[href="/work-items/${third.id}"]`)).toBeVisible();
  await page.getByRole('searchbox', { name: SEARCH }).fill('');

  // Filters and their counts: type, application, age, requester — each count as the API's data says.
  const now = Date.now();
  const app = 'Workday';
  const approvalsOnWorkday = items.filter((w) => w.type === 'Approval' && applications(w).has(app));
  await page.getByRole('combobox', { name: 'Type' }).selectOption('Approval');
  await page.getByRole('combobox', { name: 'Application' }).selectOption(app);
  await expect(page.getByTestId('match-count')).toHaveText(`${approvalsOnWorkday.length} of ${all} match`);
  const older30 = approvalsOnWorkday.filter((w) => now - Date.parse(w.created!) > 30 * DAY);
  await page.getByRole('combobox', { name: 'Age' }).selectOption('30');
  await expect(page.getByTestId('match-count')).toHaveText(`${older30.length} of ${all} match`);
  const requester = older30[0].requesterDisplayName!;
  await page.getByRole('combobox', { name: 'Requester' }).selectOption(requester);
  const expected = older30.filter((w) => w.requesterDisplayName === requester);
  await expect(page.getByTestId('match-count')).toHaveText(`${expected.length} of ${all} match`);
  await expect(page.getByTestId('list-row')).toHaveCount(expected.length);
  await expect(page).toHaveURL(/type=Approval/);
  await expect(page).toHaveURL(/app=Workday/);
  await expect(page).toHaveURL(/age=30/);
  await page.screenshot({ path: `${SHOTS}/queue-filtered.png` });
});

test('"Select all matching" → Approve decides exactly the matching items; a 429 mid-run loses and repeats nothing', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await apiSession(request, baseURL!, 'alice.approver');
  const before = await listAll(request, '/v3/work-items');
  const accessRequests = await approvalCount(request, 'pending');
  // one requester's approvals: a few dozen whole items (no search or application filter: every approval item of
  // each is matched, so each is one bulk approval) spread over every server page
  const counts = new Map<string, number>();
  for (const w of before) {
    if (w.type === 'Approval') counts.set(w.requesterDisplayName!, (counts.get(w.requesterDisplayName!) ?? 0) + 1);
  }
  const [requester] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const matching = before.filter((w) => w.type === 'Approval' && w.requesterDisplayName === requester);
  expect(matching.length).toBeGreaterThanOrEqual(15);
  const approvalItems = matching.reduce((n, w) => n + (w.approvalItems ?? []).length, 0);

  // Every bulk approval takes 400 ms, so the run is still going when the 429s are switched on.
  await setFaults(request, 'POST /v3/work-items/bulk-approve/*=latency:400');
  const answers: { path: string; status: number }[] = [];
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.request().method() === 'POST' && path.startsWith('/v3/work-items/bulk-approve/')) {
      answers.push({ path, status: r.status() });
    }
  });

  await signIn(page, 'Alice Approver');
  const params = new URLSearchParams({ type: 'Approval', requester });
  await page.goto(`/inbox?${params}`);
  await expect(page.getByTestId('match-count')).toHaveText(
    `${matching.length} of ${before.length + accessRequests} match`,
  );
  await page.getByRole('button', { name: `Select all ${matching.length} matching` }).click();
  await expect(page.getByText(`${matching.length} selected`)).toBeVisible();
  await page.getByRole('button', { name: 'Approve selected' }).click();
  const dialog = page.getByRole('dialog');
  const sentence = `Approve ${approvalItems} approval items in ${matching.length} work items`;
  await expect(dialog).toContainText(`${sentence}?`);
  await dialog.getByRole('button', { name: sentence }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^([3-9]|\d\d+) of \d+ work items done/);
  // in the middle of the run: the next three bulk approvals are refused with a 429 (Retry-After: 2)
  await setFaults(
    request,
    'POST /v3/work-items/bulk-approve/*=status:429,retry-after:2,count:3;POST /v3/work-items/bulk-approve/*=latency:400',
  );
  await expect(page.getByTestId('rate-limit-banner')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/queue-bulk-running.png` });
  await expect(dialog.getByRole('heading', { name: 'Approve selected: done' })).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByText(`Approved ${matching.length} work items.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Per item: exactly one POST carried out (200); the three 429s were sent again once each.
  const perItem = new Map<string, { ok: number; limited: number }>();
  for (const a of answers) {
    const entry = perItem.get(a.path) ?? { ok: 0, limited: 0 };
    if (a.status === 429) entry.limited++;
    else if (a.status === 200) entry.ok++;
    else throw new Error(`unexpected ${a.status} for ${a.path}`);
    perItem.set(a.path, entry);
  }
  expect([...perItem.keys()].sort()).toEqual(matching.map((w) => `/v3/work-items/bulk-approve/${w.id}`).sort());
  for (const [path, entry] of perItem) expect(entry.ok, `${path} carried out once`).toBe(1);
  expect(answers.filter((a) => a.status === 429)).toHaveLength(3);

  // Through the API: exactly the matching items left the queue, all approved; every other item is still pending.
  const after = new Set((await listAll(request, '/v3/work-items')).map((w) => w.id));
  const decided = before.filter((w) => !after.has(w.id)).map((w) => w.id);
  expect(decided.sort()).toEqual(matching.map((w) => w.id).sort());
  for (const w of matching.slice(0, 3)) {
    const r = await request.get(`/v3/work-items/${w.id}`);
    expect(((await r.json()) as WorkItem).state).toBe('Finished');
  }
  await expect(page.getByTestId('match-count')).toHaveText(`0 of ${after.size + accessRequests} match`);
});

test("the admin forwards all of alice's pending items of one type to bob in one go", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const generic = (await listAll(request, '/v3/work-items')).filter((w) => w.type === 'Generic');
  expect(generic.length).toBeGreaterThan(1);

  await signIn(page, 'Ada Admin');
  await page.goto(`/inbox?ownerId=${alice.identityId}&type=Generic`);
  await expect(page.getByTestId('owner-banner')).toContainText('Viewing items of Alice Approver');
  await expect(page.getByTestId('match-count')).toHaveText(new RegExp(`^${generic.length} of [\\d,]+ match$`));
  await page.getByRole('button', { name: `Select all ${generic.length} matching` }).click();
  await page.getByRole('button', { name: 'Forward selected' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: `Forward ${generic.length} work items` })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Forward to' }).fill('bob');
  await page.getByRole('option', { name: /Bob Approver/ }).click();
  await dialog.getByRole('textbox', { name: 'Comment' }).fill('Bob takes over Alice’s manual tasks.');
  await dialog.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(dialog).toContainText(`Forwarded ${generic.length} work items to Bob Approver.`, { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('match-count')).toHaveText(/^0 of [\d,]+ match$/);

  // Through the API: alice has no Generic item left; bob has every one of them.
  expect((await listAll(request, '/v3/work-items')).filter((w) => w.type === 'Generic')).toEqual([]);
  await apiSession(request, baseURL!, 'bob.approver');
  const bobs = new Set((await listAll(request, '/v3/work-items')).map((w) => w.id));
  expect(generic.filter((w) => !bobs.has(w.id))).toEqual([]);
});

test('completed: newest completion first, and the CSV has one row per item and survives quotes, commas, newlines, =', async ({
  page,
  request,
  baseURL,
}) => {
  await apiSession(request, baseURL!, 'alice.approver');
  const completed = await listAll(request, '/v3/work-items/completed');
  const edge = completed.find((w) => w.name?.startsWith('=HYPERLINK('));
  expect(edge, 'the seeded export edge case').toBeTruthy();
  const newest = [...completed].sort((a, b) => Date.parse(b.completed!) - Date.parse(a.completed!))[0];

  const decidedAccessRequests = await approvalCount(request, 'completed');

  await signIn(page, 'Alice Approver');
  await page.getByRole('link', { name: 'Completed' }).click();
  await expect(page.getByTestId('match-count')).toHaveText(`${completed.length + decidedAccessRequests} completed`);
  // this test is about the work items' export: the other kind filtered out
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('work-item');
  await expect(page.getByTestId('match-count')).toHaveText(
    `${completed.length} of ${completed.length + decidedAccessRequests} match`,
  );
  await expect(page.getByTestId('list-row').first().getByRole('link')).toHaveAttribute(
    'href',
    `/work-items/${newest.id}`,
  );
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('completed-oldest');
  await expect(page).toHaveURL(/sort=completed-oldest/);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header).toEqual([
    'Kind',
    'ID',
    'Name',
    'Description',
    'Type',
    'Requester',
    'Requested for',
    'Created',
    'Completed',
    'Items',
    'Final state',
    'Outcome',
    'Decided by',
    'Comment',
  ]);
  // the file says which filter it holds
  expect((await download).suggestedFilename()).toMatch(/^completed-work-items-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(rows).toHaveLength(completed.length);
  expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['work item']));
  rows.forEach((r) => r.shift());
  expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(completed.map((w) => w.id)));
  // in the order shown (oldest completion first), with ISO dates
  const oldest = [...completed].sort((a, b) => Date.parse(a.completed!) - Date.parse(b.completed!))[0];
  expect(rows[0][0]).toBe(oldest.id);
  expect(rows[0][7]).toBe(new Date(Date.parse(oldest.completed!)).toISOString());
  // "Requested for" for every kind: an approval's from its name ("… for Marcus Chen")
  const approval = completed.find((w) => w.type === 'Approval' && / for [A-Z][a-z]+ [A-Z][a-z]+$/.test(w.name ?? ''))!;
  expect(rows.find((r) => r[0] === approval.id)![5]).toBe(/ for (.+)$/.exec(approval.name!)![1]);
  // the hostile row: every field intact, the formula defused with a leading apostrophe
  const row = rows.find((r) => r[0] === edge!.id)!;
  expect(row[1]).toBe(`'${edge!.name}`);
  expect(row[2]).toBe(edge!.description);
  expect(row[2]).toContain('\n');
  expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
});

// The embedded first pages are not the whole list: until every row is listed, the status line says it is loading,
// never "Whole list" with fewer rows than it will have (a key pressed then would act on a list about to change).
test('the embedded rows never pass for the whole list: the status says loading until every row is listed', async ({
  page,
  baseURL,
}) => {
  // every frame's status line, from the first one: loading or not, and what it counts
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __statusLines: seen });
    const frame = () => {
      const count = document.querySelector('[data-testid="match-count"]')?.textContent;
      if (count) {
        const line = `${document.querySelector('[data-testid="queue-progress"]') ? 'loading' : 'done'} ${count}`;
        if (seen.at(-1) !== line) seen.push(line);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const signedIn = await page.request.post('/auth/session', {
    data: { identity: 'alice.approver' },
    headers: { 'X-Requested-With': 'XMLHttpRequest', Origin: baseURL! },
  });
  expect(signedIn.ok()).toBe(true);
  await page.goto('/inbox');
  await wholeQueueLoaded(page);
  await page.waitForFunction(() => performance.getEntriesByName('pending-queue-loaded').length > 0);
  const whole = await page.getByTestId('match-count').textContent();
  // alice's items (this file's seed) are more than the one page of 250 the page arrives with
  expect(Number(whole!.replace(/\D/g, ''))).toBeGreaterThan(250);
  const lines = await page.evaluate(() => (window as unknown as { __statusLines: string[] }).__statusLines);
  expect(lines.filter((line) => line.startsWith('done'))).toEqual([`done ${whole}`]);
});
