// Access-request approvals in the inbox, against the shared sandbox: one list holds work items and access requests
// (each kind's count as the APIs give it), an approver approves one with a comment, is refused a rejection without
// the comment the approval requires and then rejects it with one, forwards one to bob, rejects two at once through
// the bulk runner, and finds the decided ones with their comments in the history — every outcome checked through
// the API. An admin sees both kinds of another owner, exactly that owner's.
import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { CompletedApproval, PendingApproval } from '../contract/access-requests.ts';
import { apiSession, SEARCH, signIn, watchRequests } from './helpers.ts';

const SHOTS = 'test-results/screenshots';
const API = '/v3/access-request-approvals';

async function pendingApprovals(request: APIRequestContext, ownerId = 'me'): Promise<PendingApproval[]> {
  const r = await request.get(`${API}/pending?owner-id=${ownerId}&limit=250&offset=0&count=true`);
  expect(r.ok(), await r.text()).toBeTruthy();
  return (await r.json()) as PendingApproval[];
}

async function findApproval(request: APIRequestContext, list: 'pending' | 'completed', id: string) {
  const filters = encodeURIComponent(`id eq "${id}"`);
  const r = await request.get(`${API}/${list}?owner-id=me&filters=${filters}`);
  expect(r.ok(), await r.text()).toBeTruthy();
  return ((await r.json()) as (PendingApproval & CompletedApproval)[])[0];
}

async function workItemCount(request: APIRequestContext, ownerId?: string): Promise<number> {
  const r = await request.get(`/v3/work-items?limit=1&count=true${ownerId ? `&ownerId=${ownerId}` : ''}`);
  expect(r.ok()).toBeTruthy();
  return Number(r.headers()['x-total-count']);
}

/** The pending Approvals-service approvals of the signed-in caller, or of `approverId` (an admin's view). */
async function approvalsServiceCount(request: APIRequestContext, approverId?: string): Promise<number> {
  const whose = approverId ? `approverId=${approverId}` : 'mine=true';
  const filters = encodeURIComponent('status eq "PENDING"');
  const r = await request.get(`/v2025/generic-approvals?${whose}&filters=${filters}&limit=1&count=true`);
  expect(r.ok(), await r.text()).toBeTruthy();
  return Number(r.headers()['x-total-count']);
}

/** Filters the list to one access request by its id (the search covers ids). */
async function accessRequestRow(page: Page, id: string) {
  await page.getByRole('searchbox', { name: SEARCH }).fill(id);
  const rows = page.getByTestId('list-row');
  const row = rows.filter({ has: page.locator(`a[href*="/access-requests/${id}"]`) });
  await expect(row).toHaveCount(1);
  await expect(rows).toHaveCount(1);
  return row;
}

const nameOf = (a: PendingApproval) => a.requestedObject?.name ?? a.name ?? a.id;

test('an approver decides access requests from the same inbox as work items: approve, reject, forward, bulk, history', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await apiSession(request, baseURL!, 'alice.approver');
  const pending = await pendingApprovals(request);
  const workItems = await workItemCount(request);
  const approvals = await approvalsServiceCount(request);
  const free = pending.filter((a) => !a.commentRequiredWhenRejected && !a.actionInProcess);
  const toApprove = free[0];
  const toForward = free[1];
  const bulk = [free[2], free[3]];
  const needsComment = pending.find((a) => a.commentRequiredWhenRejected && !a.actionInProcess)!;
  expect(toApprove && toForward && bulk[1] && needsComment, 'seeded approvals to work on').toBeTruthy();

  await signIn(page, 'Alice Approver');
  const total = workItems + pending.length + approvals;
  await expect(page.getByTestId('match-count')).toHaveText(`${total} pending`);
  await expect(page.getByTestId('summary-pending-access-request')).toHaveText(String(pending.length));
  await expect(page.getByTestId('summary-pending-work-item')).toHaveText(String(workItems));

  // The kind filter splits the one list by what the APIs hold.
  const kind = page.getByRole('combobox', { name: 'Kind' });
  await expect(kind.locator('option', { hasText: 'Access requests' })).toHaveText(
    `Access requests (${pending.length})`,
  );
  await kind.selectOption('access-request');
  await expect(page).toHaveURL(/kind=access-request/);
  await expect(page.getByTestId('match-count')).toHaveText(`${pending.length} of ${total} match`);
  await expect(page.getByTestId('list-row')).toHaveCount(pending.length);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/access-requests-inbox.png` });
  await kind.selectOption('work-item');
  await expect(page.getByTestId('match-count')).toHaveText(`${workItems} of ${total} match`);
  await kind.selectOption('');

  // A row says what is requested and its type, for whom, by whom.
  const row = await accessRequestRow(page, toApprove.id);
  await expect(row).toContainText(nameOf(toApprove));
  await expect(row).toContainText(
    { ROLE: 'Role', ACCESS_PROFILE: 'Access profile', ENTITLEMENT: 'Entitlement' }[toApprove.requestedObject!.type!],
  );
  await expect(row).toContainText(toApprove.requester!.name!);
  if (toApprove.requestedFor?.name !== toApprove.requester?.name)
    await expect(row).toContainText(`for ${toApprove.requestedFor!.name}`);

  // Approve with a comment, from the detail page.
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/access-requests/${toApprove.id}`));
  await expect(page.getByRole('heading', { name: nameOf(toApprove), level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Request', exact: true })).toContainText(toApprove.requestedFor!.name!);
  await page.screenshot({ path: `${SHOTS}/access-request-detail.png`, fullPage: true });
  await page.getByRole('textbox', { name: 'Comment' }).fill('Fine for the quarter');
  // the one rule: shown at once and held with Undo, then sent (with its comment) when the hold ends
  const approveSent = page.waitForResponse((r) => r.url().endsWith(`${API}/${toApprove.id}/approve`), {
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByTestId('access-request-held')).toContainText('Approved');
  await expect(page.getByRole('alert').filter({ hasText: `Approved “${nameOf(toApprove)}”` })).toBeVisible();
  await approveSent;
  await expect(page.getByTestId('access-request-outcome')).toContainText('Approved by Alice Approver', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('access-request-outcome')).toContainText('Comment: Fine for the quarter');
  const approved = await findApproval(request, 'completed', toApprove.id);
  expect(approved.state).toBe('APPROVED');
  expect(approved.reviewerComment?.comment).toBe('Fine for the quarter');

  // Reject one that requires a comment: refused without it (nothing sent), accepted with it.
  const posts = watchRequests(page);
  await page.goto(`/access-requests/${needsComment.id}`);
  await expect(page.getByRole('heading', { name: nameOf(needsComment), level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(page.getByText('A comment is required to reject this request.')).toBeVisible();
  await posts.settled({ quietMs: 500 });
  expect(posts.postsTo(`${API}/${needsComment.id}/reject`)).toBe(0);
  expect((await findApproval(request, 'pending', needsComment.id))?.id).toBe(needsComment.id);
  await page.getByRole('textbox', { name: 'Comment' }).fill('Not without a ticket');
  const rejectSent = page.waitForResponse((r) => r.url().endsWith(`${API}/${needsComment.id}/reject`), {
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Reject', exact: true }).click();
  await rejectSent;
  await expect(page.getByTestId('access-request-outcome')).toContainText('Rejected by Alice Approver', {
    timeout: 15_000,
  });
  expect(posts.postsTo(`${API}/${needsComment.id}/reject`)).toBe(1);
  const rejected = await findApproval(request, 'completed', needsComment.id);
  expect(rejected.state).toBe('REJECTED');
  expect(rejected.reviewerComment?.comment).toBe('Not without a ticket');

  // Forward one to bob: new owner and comment required.
  await page.goto(`/access-requests/${toForward.id}`);
  await page.getByRole('button', { name: 'Forward…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(dialog).toContainText('Choose who to forward to.');
  await expect(dialog).toContainText('A comment is required');
  await dialog.getByRole('combobox', { name: 'Forward to' }).fill('bo');
  await page.getByRole('option', { name: /Bob Approver/ }).click();
  await dialog.getByRole('textbox', { name: 'Comment' }).fill('Bob owns this system');
  await dialog.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(page).toHaveURL(/\/inbox/);
  expect(await findApproval(request, 'pending', toForward.id)).toBeUndefined();
  const bobContext = await playwrightRequest.newContext({ baseURL });
  await apiSession(bobContext, baseURL!, 'bob.approver');
  const atBob = await findApproval(bobContext, 'pending', toForward.id);
  expect(atBob?.owner?.name).toBe('Bob Approver');
  expect(atBob?.forwardHistory?.at(-1)?.comment).toBe('Bob owns this system');
  await bobContext.dispose();

  // Bulk: two access requests selected, rejected at once with one comment (through the queue runner).
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('access-request');
  for (const a of bulk) {
    const r = await accessRequestRow(page, a.id);
    await r.getByRole('checkbox').check();
  }
  await page.getByRole('searchbox', { name: SEARCH }).fill('');
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Reject selected' }).click();
  const bulkDialog = page.getByRole('dialog');
  await expect(bulkDialog).toContainText('Reject 2 access requests?');
  await bulkDialog.getByRole('textbox', { name: /Comment/ }).fill('Quarterly clean-up');
  await bulkDialog.getByRole('button', { name: 'Reject 2 access requests' }).click();
  await expect(bulkDialog).toContainText('Rejected 2 access requests.');
  await bulkDialog.getByRole('button', { name: 'Close' }).click();
  for (const a of bulk) {
    const done = await findApproval(request, 'completed', a.id);
    expect(done.state).toBe('REJECTED');
    expect(done.reviewerComment?.comment).toBe('Quarterly clean-up');
  }
  const left = await pendingApprovals(request);
  await expect(page.getByTestId('summary-pending-access-request')).toHaveText(String(left.length));
  expect(left.length).toBe(pending.length - 5);

  // The history: both kinds, the decided access requests with the reviewer's comment.
  await page.getByRole('link', { name: 'Completed' }).click();
  await expect(page.getByRole('heading', { name: 'Completed', level: 1 })).toBeVisible();
  const expected: [PendingApproval, string, string][] = [
    [toApprove, 'Approved', 'Comment: Fine for the quarter'],
    [needsComment, 'Rejected', 'Comment: Not without a ticket'],
    [bulk[0], 'Rejected', 'Comment: Quarterly clean-up'],
  ];
  for (const [a, state, comment] of expected) {
    const r = await accessRequestRow(page, a.id);
    await expect(r).toContainText(state);
    await expect(r).toContainText(comment);
  }
  await page.getByRole('searchbox', { name: SEARCH }).fill('');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('work-item');
  await expect(page.getByTestId('match-count')).toHaveText(/^\d+ of \d+ match$/);
  await expect(page.getByTestId('list-row').first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('');
  // on a phone both kinds read as cards (the filters fold under one button there)
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('button', { name: /^Filters and sort/ })).toBeVisible();
  // an access request's card opens its own page, not a work item's
  await expect(page.getByTestId('list-row').locator('a[href^="/access-requests/"]').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/access-requests-completed-phone.png` });
});

test('ada, as admin, sees both kinds of another owner: exactly that owner’s, not the whole org', async ({
  page,
  request,
  baseURL,
}) => {
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const alicesApprovals = await pendingApprovals(request);
  const alicesWorkItems = await workItemCount(request);
  const alicesApprovalsService = await approvalsServiceCount(request);
  expect(alicesApprovals.length).toBeGreaterThan(0);
  // the org has more pending approvals than alice: a view that leaked the whole org would show
  await apiSession(request, baseURL!, 'ada.admin');
  const org = await request.get(`${API}/pending?limit=1&count=true`);
  expect(Number(org.headers()['x-total-count'])).toBeGreaterThan(alicesApprovals.length);
  const adasOwn = await pendingApprovals(request);

  await signIn(page, 'Ada Admin');
  await expect(page.getByTestId('summary-pending-access-request')).toHaveText(String(adasOwn.length));
  const picker = page.getByRole('combobox', { name: 'Owner' });
  await picker.fill(alice.identityId);
  await picker.press('Enter');
  await expect(page).toHaveURL(new RegExp(`ownerId=${alice.identityId}`));
  await page.getByRole('heading', { name: 'Inbox', level: 1 }).click();
  const total = alicesWorkItems + alicesApprovals.length + alicesApprovalsService;
  await expect(page.getByTestId('match-count')).toHaveText(`${total} pending`);
  await expect(page.getByTestId('summary-pending-access-request')).toHaveText(String(alicesApprovals.length));
  const kind = page.getByRole('combobox', { name: 'Kind' });
  await expect(kind.locator('option', { hasText: 'Access requests' })).toHaveText(
    `Access requests (${alicesApprovals.length})`,
  );
  await expect(kind.locator('option', { hasText: 'Work items' })).toHaveText(`Work items (${alicesWorkItems})`);

  // An access request of alice's opens with the owner kept in the URL; ada can act on it.
  const one = alicesApprovals[0];
  const row = await accessRequestRow(page, one.id);
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/access-requests/${one.id}\\?ownerId=${alice.identityId}`));
  await expect(page.getByRole('heading', { name: nameOf(one), level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Request', exact: true })).toContainText('Alice Approver');
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
});
