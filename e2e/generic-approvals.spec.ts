// ISC's Approvals service as the inbox's third kind, driven through the page and checked through the API: Alice sees
// work items, access requests and approvals in one list, sorts it by due date, approves one with a comment,
// rejects one (its config asks for a comment: the page asks too), reassigns one to Bob (Bob then has it) and
// comments on one, all by keyboard; an approval whose due date passes on the moved sandbox clock leaves her queue
// and is "Expired" in her history; an admin sees the three kinds of another owner; and an access request Bob
// submits for Carol lands in Alice's inbox as a new approval.
import fs from 'node:fs';
import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { Approval } from '../contract/generic-approvals.ts';
import { expectNoSeriousA11yViolations, SEARCH, signIn, wholeQueueLoaded } from './helpers.ts';

const API = '/v2025/generic-approvals';
const PENDING = `filters=${encodeURIComponent('status eq "PENDING"')}`;
const CAROL = 'a705acbbc3639575f92d0c2d08444d66';
const FINANCE_ANALYST_ROLE = '6a3f1c0d9b2e4f5a8c7d1e2f3a4b5c6d';
const SHOTS = 'test-results/screenshots';

/** A bearer token of a demo identity (API checks apart from the page's session). */
async function tokenOf(request: APIRequestContext, client: string): Promise<string> {
  const r = await request.post('/oauth/token', {
    form: { grant_type: 'client_credentials', client_id: client, client_secret: 'sandbox-secret' },
  });
  expect(r.ok(), await r.text()).toBeTruthy();
  return ((await r.json()) as { access_token: string }).access_token;
}

function caller(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}`, 'Accept-Language': 'en-US' };
  return {
    async pending(): Promise<Approval[]> {
      const r = await request.get(`${API}?mine=true&limit=250&${PENDING}`, { headers });
      expect(r.ok(), await r.text()).toBeTruthy();
      return (await r.json()) as Approval[];
    },
    async get(id: string): Promise<Approval> {
      const r = await request.get(`${API}/${id}`, { headers });
      expect(r.ok(), await r.text()).toBeTruthy();
      return (await r.json()) as Approval;
    },
    async put(path: string, data: unknown) {
      const r = await request.put(path, { headers, data });
      expect(r.ok(), await r.text()).toBeTruthy();
      return r.json();
    },
    async post(path: string, data: unknown) {
      return request.post(path, { headers, data });
    },
  };
}

const nameOf = (a: Approval) => a.name?.[0]?.value ?? a.id;

/** Narrows the list to one item by its id and focuses its row with j. */
async function focusRow(page: Page, id: string) {
  await page.getByRole('searchbox', { name: SEARCH }).fill(id);
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  await page.getByRole('heading', { name: 'Inbox', level: 1 }).click();
  await page.keyboard.press('j');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.querySelector('a')?.getAttribute('href')))
    .toContain(id);
}

const decided = (page: Page, id: string, action: string) =>
  page.waitForResponse((r) => r.url().endsWith(`${API}/${id}/${action}`) && r.request().method() === 'POST', {
    timeout: 20_000,
  });

test('Alice: three kinds in one list, due soonest first; approve, reject, reassign and comment by keyboard', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const alice = caller(request, await tokenOf(request, 'alice.approver'));
  const bob = caller(request, await tokenOf(request, 'bob.approver'));
  const mine = await alice.pending();
  const rule = (a: Approval) => a.approvalConfig?.requiresComment ?? 'OFF';
  const soonest = [...mine].sort((a, b) => Date.parse(a.dueDate!) - Date.parse(b.dueDate!))[0];
  const toApprove = mine.find((a) => rule(a) === 'OFF' && a.id !== soonest.id && a.type === 'GENERIC_APPROVAL')!;
  const toReject = mine.find((a) => rule(a) === 'REJECTION' && a.type === 'ACCESS_REQUEST_APPROVAL')!;
  const toReassign = mine.find(
    (a) => a.type === 'ENTITLEMENT_DESCRIPTIONS' && !(a.approvers ?? []).some((p) => p.name === 'Bob Approver'),
  )!;
  const toComment = mine.find((a) => ![toApprove, toReject, toReassign].includes(a) && a.type !== 'GENERIC_APPROVAL')!;
  expect([toApprove, toReject, toReassign, toComment].every(Boolean)).toBeTruthy();

  await signIn(page, 'Alice Approver');
  await wholeQueueLoaded(page);

  // one list: the kind filter counts all three; the summary has the approvals and how many are due within 7 days
  const kind = page.getByRole('combobox', { name: 'Kind' });
  for (const label of ['Work items', 'Access requests', 'Approvals']) {
    await expect(kind.locator('option', { hasText: new RegExp(`^${label} \\([1-9]`) })).toHaveCount(1);
  }
  await expect(page.getByTestId('summary-pending-generic-approval')).toHaveText(String(mine.length));
  const dueSoon = mine.filter((a) => Date.parse(a.dueDate!) - Date.now() <= 7 * 86_400_000).length;
  await expect(page.getByTestId('summary-due-soon')).toHaveText(String(dueSoon));

  // due soonest first, across kinds: the approval that expires first heads the list, saying so in words
  await page.getByRole('combobox', { name: 'Sort' }).selectOption('due');
  await expect(page).toHaveURL(/sort=due/);
  const first = page.getByTestId('list-row').first();
  await expect(first.getByRole('link')).toHaveText(nameOf(soonest));
  await expect(first).toContainText(/expires in \d+ (days?|h)/);
  // the priority filter and the "expires soon" filter narrow it to what they say
  await page.getByRole('combobox', { name: 'Priority' }).selectOption('High');
  await expect(page.getByTestId('list-row')).toHaveCount(mine.filter((a) => a.priority === 'HIGH').length);
  await page.getByRole('combobox', { name: 'Priority' }).selectOption('');
  await page.getByRole('combobox', { name: 'Due' }).selectOption('7');
  await expect(page.getByTestId('list-row')).toHaveCount(dueSoon);
  await page.getByRole('combobox', { name: 'Due' }).selectOption('');

  // approve with a comment, on its page, by keyboard: Enter opens it, the comment is typed, a approves (held, sent)
  await focusRow(page, toApprove.id);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: nameOf(toApprove), level: 1 })).toBeVisible();
  await expect(page.getByText(/approvers? (in turn|must approve)/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Comment', exact: true }).focus();
  await page.keyboard.type('Signed off with the controller');
  await page.keyboard.press('Tab');
  const approved = decided(page, toApprove.id, 'approve');
  await page.keyboard.press('a');
  await expect(page.getByTestId('approval-held')).toContainText('Approved');
  await approved;
  const afterApprove = await alice.get(toApprove.id);
  expect(afterApprove.approvedBy?.map((p) => p.name)).toContain('Alice Approver');
  expect(afterApprove.comments?.map((c) => c.comment)).toContain('Signed off with the controller');
  await page.keyboard.press('u');
  await wholeQueueLoaded(page);

  // reject from the list by keyboard: its config requires a comment, so the page asks for one first
  await focusRow(page, toReject.id);
  await page.keyboard.press('r');
  const ask = page.getByRole('dialog');
  await expect(ask.getByRole('heading')).toHaveText(`Reject “${nameOf(toReject)}”?`);
  await expect(ask.getByRole('textbox', { name: /Comment/ })).toBeFocused();
  await page.keyboard.type('No business reason given');
  const rejected = decided(page, toReject.id, 'reject');
  await ask.getByRole('button', { name: 'Reject' }).press('Enter');
  await rejected;
  const afterReject = await alice.get(toReject.id);
  expect(afterReject.status).toBe('REJECTED');
  expect(afterReject.rejectedBy?.map((p) => p.name)).toEqual(['Alice Approver']);

  // reassign to Bob by keyboard (f: the forward dialog of every kind, here "Reassign"): Bob then has it
  await focusRow(page, toReassign.id);
  await page.keyboard.press('f');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toContainText('Reassign');
  await page.keyboard.type('bo');
  await expect(page.getByRole('option', { name: /Bob Approver/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox').first()).toHaveValue('Bob Approver');
  await dialog.getByRole('textbox', { name: 'Comment' }).focus();
  await page.keyboard.type('Bob owns the SAP descriptions');
  const reassigned = decided(page, toReassign.id, 'reassign');
  await dialog.getByRole('button', { name: 'Reassign', exact: true }).press('Enter');
  await reassigned;
  await expect(dialog).toBeHidden();
  expect((await bob.pending()).map((a) => a.id)).toContain(toReassign.id);
  expect((await alice.pending()).map((a) => a.id)).not.toContain(toReassign.id);
  await expect(page.getByRole('searchbox', { name: SEARCH })).toHaveValue(toReassign.id);
  await expect(page.getByTestId('list-row')).toHaveCount(0);

  // comment on one, on its page, by keyboard: the thread shows it and the API has it; it stays pending
  await focusRow(page, toComment.id);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: nameOf(toComment), level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'New comment' }).focus();
  await page.keyboard.type('Asked the requester for the ticket number');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add comment' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('approval-comment').last()).toContainText('Asked the requester for the ticket number');
  const afterComment = await alice.get(toComment.id);
  expect(afterComment.comments?.map((c) => c.comment)).toContain('Asked the requester for the ticket number');
  expect(afterComment.status).toBe('PENDING');

  // its page says what the issue promises: criteria in words, due date with what expiry does, attributes
  await expect(page.getByTestId('approval-due')).toContainText(/Expires in .*If nobody decides by then/);
  await expectNoSeriousA11yViolations(page, 'approval page');
});

test('an approval past its due date on the moved clock leaves the queue and is Expired in the history', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const alice = caller(request, await tokenOf(request, 'alice.approver'));
  const admin = caller(request, await tokenOf(request, 'ada.admin'));
  const mine = await alice.pending();
  const expiring = mine
    .filter((a) => a.approvalConfig?.timeoutConfig?.timeoutResult === 'EXPIRED')
    .sort((a, b) => Date.parse(a.dueDate!) - Date.parse(b.dueDate!))[0];
  const clock = (await (
    await request.get('/sandbox/clock', { headers: { Authorization: `Bearer ${await tokenOf(request, 'ada.admin')}` } })
  ).json()) as {
    now: string;
    offsetMs: number;
  };
  const past = Date.parse(expiring.dueDate!) - Date.parse(clock.now) + 3_600_000;
  await admin.put('/sandbox/clock', { advanceMs: past });
  try {
    await signIn(page, 'Alice Approver');
    await wholeQueueLoaded(page);
    await page.getByRole('searchbox', { name: SEARCH }).fill(expiring.id);
    await expect(page.getByText(/No items match|match/).first()).toBeVisible();
    await expect(page.getByTestId('list-row')).toHaveCount(0);

    await page.goto(`/completed?q=${expiring.id}`);
    const row = page.getByTestId('list-row');
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    await expect(row).toContainText('Expired');
    await expect(row.getByRole('link')).toHaveText(nameOf(expiring));
    const after = await alice.get(expiring.id);
    expect(after.status).toBe('EXPIRED');
  } finally {
    await caller(request, await tokenOf(request, 'ada.admin')).put('/sandbox/clock', { offsetMs: clock.offsetMs });
  }
});

test('an admin sees the three kinds of another owner', async ({ page, request }) => {
  test.setTimeout(120_000);
  const alice = caller(request, await tokenOf(request, 'alice.approver'));
  const aliceId = (await alice.pending())[0].assignedTo!.find((a) => a.name === 'Alice Approver')!.identityID!;
  await signIn(page, 'Ada Admin', `/inbox?ownerId=${aliceId}`);
  await page.goto(`/inbox?ownerId=${aliceId}`);
  await wholeQueueLoaded(page);
  const kind = page.getByRole('combobox', { name: 'Kind' });
  for (const label of ['Work items', 'Access requests', 'Approvals']) {
    await expect(kind.locator('option', { hasText: new RegExp(`^${label} \\([1-9]`) })).toHaveCount(1);
  }
  const approvals = Number(await page.getByTestId('summary-pending-generic-approval').textContent());
  expect(approvals).toBe((await alice.pending()).length);
});

test('Bob asks for a role for Carol: the new approval is in its approver’s inbox', async ({ page, request }) => {
  test.setTimeout(120_000);
  const bob = caller(request, await tokenOf(request, 'bob.approver'));
  const submitted = await bob.post('/v3/access-requests', {
    requestedFor: [CAROL],
    requestedItems: [{ type: 'ROLE', id: FINANCE_ANALYST_ROLE, comment: 'Carol helps with the close.' }],
  });
  expect(submitted.status(), await submitted.text()).toBe(202);
  const alice = caller(request, await tokenOf(request, 'alice.approver'));
  const created = (await alice.pending()).find(
    (a) =>
      a.requester?.name === 'Bob Approver' &&
      a.requestee?.name === 'Carol Approver' &&
      a.type === 'ACCESS_REQUEST_APPROVAL',
  );
  expect(created).toBeTruthy();

  await signIn(page, 'Alice Approver');
  await wholeQueueLoaded(page);
  await page.getByRole('searchbox', { name: SEARCH }).fill(created!.id);
  const row = page.getByTestId('list-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Bob Approver');
  await expect(row).toContainText('for Carol Approver');
  await expect(row).toContainText('expires in');
  fs.mkdirSync(SHOTS, { recursive: true });
});
