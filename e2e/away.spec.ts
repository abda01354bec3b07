// Away, end to end and checked through the API: Alice turns Away on by keyboard alone (Shift+A, the people search,
// the form, Enter) for a week to Bob with "also move what is waiting" — every pending item of hers is then in Bob's
// queue or listed with why not; Bob's inbox says Alice's work comes to him and marks the items. An admin (Ada) hands
// over Carol's work from Carol's view: a permanent delegation and everything waiting moved in one run. On a 390 px
// phone Bob sets his own Away from the account menu, and Alice's page shows the chain (Bob is away too, so to
// Carol). Screenshots of the page (desktop and phone) under test-results/screenshots/, axe on each.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { PendingApproval } from '../contract/access-requests.ts';
import type { ReassignmentConfiguration } from '../contract/work-reassignment.ts';
import type { WorkItem } from '../contract/work-items.ts';
import { apiSession, expectNoSeriousA11yViolations, expectTouchTargets, signIn } from './helpers.ts';

// Ada hands over all of Carol's waiting work: no other spec may share this server
test.use({ ownServer: 'away' });

const SHOTS = 'test-results/screenshots';
const EXPERIMENTAL = { 'X-SailPoint-Experimental': 'true', 'X-Requested-With': 'XMLHttpRequest' };

/** Every pending work item, access request and Approvals-service approval of the API session's identity (or of `ownerId`, as an admin). */
async function pendingOf(request: APIRequestContext, ownerId?: string) {
  const workItems: WorkItem[] = [];
  const owner = ownerId ? `&ownerId=${ownerId}` : '';
  for (let offset = 0; ; offset += 250) {
    const r = await request.get(`/v3/work-items?limit=250&offset=${offset}&count=true${owner}`);
    expect(r.ok(), await r.text()).toBeTruthy();
    workItems.push(...((await r.json()) as WorkItem[]));
    if (offset + 250 >= Number(r.headers()['x-total-count'])) break;
  }
  const r = await request.get(`/v3/access-request-approvals/pending?limit=250&owner-id=${ownerId ?? 'me'}&count=true`);
  expect(r.ok(), await r.text()).toBeTruthy();
  const approvals = (await r.json()) as PendingApproval[];
  const whose = ownerId ? `approverId=${ownerId}` : 'mine=true';
  const pendingFilter = encodeURIComponent('status eq "PENDING"');
  const g = await request.get(`/v2025/generic-approvals?${whose}&filters=${pendingFilter}&limit=250`);
  expect(g.ok(), await g.text()).toBeTruthy();
  const generic = (await g.json()) as { id: string }[];
  return {
    workItems: workItems.map((w) => w.id),
    approvals: approvals.map((a) => a.id),
    generic: generic.map((a) => a.id),
  };
}

/** How many pending items of every kind. */
const sizeOf = (q: Awaited<ReturnType<typeof pendingOf>>) => q.workItems.length + q.approvals.length + q.generic.length;

/** The names the page lists under "Not moved" (each with its reason) and how many it says it moved. */
async function moveOutcome(page: Page) {
  const summary = page.getByTestId('move-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  const text = (await summary.textContent()) ?? '';
  const moved = Number(/Moved (\d+) of/.exec(text)?.[1] ?? 'NaN');
  const notMoved = await page.getByTestId('not-moved').locator('li').count();
  return { text, moved, notMoved };
}

/** Picks a person in the people search by keyboard: types, waits for the option, Enter. */
async function pickPerson(page: Page, label: string, alias: string, name: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.focus();
  await page.keyboard.type(alias);
  await expect(page.getByRole('option', { name: new RegExp(name) }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue(name);
}

test('Alice, by keyboard: Away to Bob for a week, moving what waits; Bob’s inbox says so', async ({
  page,
  request,
  baseURL,
  browser,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const before = await pendingOf(request);
  expect(before.workItems.length).toBeGreaterThan(20);
  expect(before.approvals.length).toBeGreaterThan(5);

  await signIn(page, 'Alice Approver');
  await expect(page.getByTestId('list-row').first()).toBeVisible();
  await page.keyboard.press('Shift+A');
  await expect(page.getByRole('heading', { level: 1, name: 'Away' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Away (empty)');

  await pickPerson(page, 'Who gets your work', 'bob.approver', 'Bob Approver');
  // a week: "Between two dates" with the end a week from today is the default; every kind is ticked, and moving too
  await expect(page.getByRole('radio', { name: 'Between two dates' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Also move what is waiting now' })).toBeChecked();
  await page.getByRole('button', { name: 'Turn on Away' }).focus();
  await page.keyboard.press('Enter');

  const outcome = await moveOutcome(page);
  const total = sizeOf(before);
  expect(outcome.moved + outcome.notMoved, outcome.text).toBe(total);
  expect(outcome.moved).toBeGreaterThan(total / 2);
  // the delegation as stored: to Bob, ending in a week
  const config = (await (
    await request.get(`/v2025/reassignment-configurations/${alice.identityId}`, { headers: EXPERIMENTAL })
  ).json()) as ReassignmentConfiguration;
  expect(config.configDetails?.map((d) => d.targetIdentity?.name)).toEqual([
    'Bob Approver',
    'Bob Approver',
    'Bob Approver',
    'Bob Approver',
  ]);
  const end = Date.parse(config.configDetails![0]!.endDate!);
  expect(end - Date.now()).toBeGreaterThan(5 * 86_400_000);
  expect(end - Date.now()).toBeLessThan(8 * 86_400_000);
  await expect(page.getByTestId('away-current')).toContainText('You are away');
  await expect(page.getByTestId('away-chain')).toHaveText(
    /^New access requests, certifications, work items and other approvals go to Bob Approver — until \d{1,2} \w{3}\.$/,
  );
  await page.screenshot({ path: `${SHOTS}/away-desktop.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, 'Away (on, after moving)');
  // opened again, the form starts from what is stored: between two dates, back on the stored day
  await page.reload();
  const back = new Date(end);
  const backDay = [back.getFullYear(), back.getMonth() + 1, back.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  await expect(page.getByRole('radio', { name: 'Between two dates' })).toBeChecked();
  await expect(page.getByLabel('Back on')).toHaveValue(backDay);

  // API: what left Alice's queue is in Bob's; what stayed is exactly what the page listed as not moved
  const after = await pendingOf(request);
  const left = {
    workItems: before.workItems.filter((id) => !after.workItems.includes(id)),
    approvals: before.approvals.filter((id) => !after.approvals.includes(id)),
    generic: before.generic.filter((id) => !after.generic.includes(id)),
  };
  expect(sizeOf(left)).toBe(outcome.moved);
  expect(sizeOf(after)).toBe(outcome.notMoved);
  await apiSession(request, baseURL!, 'bob.approver');
  const bobs = await pendingOf(request);
  expect(bobs.workItems).toEqual(expect.arrayContaining(left.workItems));
  expect(bobs.approvals).toEqual(expect.arrayContaining(left.approvals));
  expect(bobs.generic).toEqual(expect.arrayContaining(left.generic));

  // Bob's inbox: Alice's work comes to him, until when; the moved items say they were delegated
  const bobContext = await browser.newContext({ baseURL });
  const bobPage = await bobContext.newPage();
  await signIn(bobPage, 'Bob Approver');
  const notice = bobPage.getByTestId('incoming-delegations');
  await expect(notice).toContainText(/Alice Approver is away until \d{1,2} \w{3}/);
  await expect(notice).toContainText('come to you');
  await expect(bobPage.getByText(/^Delegated by Alice Approver, away until \d{1,2} \w{3}$/).first()).toBeVisible();
  await bobContext.close();
});

test('Ada hands over Carol’s work from Carol’s view: permanent, every kind, everything waiting in one run', async ({
  page,
  request,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const carol = await apiSession(request, baseURL!, 'carol.approver');
  const before = await pendingOf(request);
  const total = sizeOf(before);
  expect(total).toBeGreaterThan(0);

  await signIn(page, 'Ada Admin', `/inbox?ownerId=${carol.identityId}`);
  const banner = page.getByTestId('owner-banner');
  await banner.getByRole('link', { name: 'Hand over their work' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Hand over Carol Approver’s work' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Until I turn it off' })).toBeChecked();
  await pickPerson(page, 'Hand the work over to', 'ada.admin', 'Ada Admin');
  await page.getByRole('button', { name: 'Hand over' }).focus();
  await page.keyboard.press('Enter');

  const outcome = await moveOutcome(page);
  expect(outcome.moved + outcome.notMoved, outcome.text).toBe(total);
  const ada = await apiSession(request, baseURL!, 'ada.admin');
  const config = (await (
    await request.get(`/v2025/reassignment-configurations/${carol.identityId}`, { headers: EXPERIMENTAL })
  ).json()) as ReassignmentConfiguration;
  expect(config.configDetails).toHaveLength(4);
  for (const d of config.configDetails!) {
    expect(d.targetIdentity?.id).toBe(ada.identityId);
    expect(d.endDate).toBe('0001-01-01T00:00:00Z');
  }
  const after = await pendingOf(request, carol.identityId);
  expect(sizeOf(after)).toBe(outcome.notMoved);
  // every item still with Carol is listed with its reason
  const reasons = await page.getByTestId('not-moved').locator('li').allTextContents();
  expect(reasons.every((r) => /✗ .+\S/.test(r))).toBe(true);
  await expect(page.getByTestId('away-current')).toContainText('until further notice');
});

test('phone: Bob sets Away from the account menu; Alice’s page shows the chain; Bob turns it off', async ({
  page,
  request,
  baseURL,
  browser,
}) => {
  // Alice delegates her access requests to Bob (as the first test leaves it; made here when this test runs alone)
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const bob = await apiSession(request, baseURL!, 'bob.approver');
  await apiSession(request, baseURL!, 'alice.approver');
  const hers = (await (
    await request.get(`/v2025/reassignment-configurations/${alice.identityId}`, { headers: EXPERIMENTAL })
  ).json()) as ReassignmentConfiguration;
  if (!hers.configDetails?.some((d) => d.configType === 'ACCESS_REQUESTS')) {
    const made = await request.post('/v2025/reassignment-configurations', {
      headers: { ...EXPERIMENTAL, Origin: baseURL! },
      data: {
        reassignedFromId: alice.identityId,
        reassignedToId: bob.identityId,
        configType: 'ACCESS_REQUESTS',
        startDate: new Date(Date.now() - 60_000).toISOString(),
        endDate: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    expect(made.status(), await made.text()).toBe(201);
  }

  // signed in on a wide window (the sign-out button the helper waits for is under the phone's menu)
  await signIn(page, 'Bob Approver');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Account and settings' }).click();
  await page.getByRole('region', { name: 'Account and settings' }).getByRole('link', { name: 'Away' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Away' })).toBeVisible();
  await pickPerson(page, 'Who gets your work', 'carol.approver', 'Carol Approver');
  await page.getByRole('checkbox', { name: 'Also move what is waiting now' }).uncheck();
  await page.getByRole('button', { name: 'Turn on Away' }).click();
  await expect(page.getByTestId('away-chain').first()).toContainText('go to Carol Approver');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/phone-away.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, 'Away on a phone');
  await expectTouchTargets(page, 'Away on a phone');

  // Alice delegates to Bob, who is away too now: her page shows where new work really goes
  const aliceContext = await browser.newContext({ baseURL });
  const alicePage = await aliceContext.newPage();
  await signIn(alicePage, 'Alice Approver', '/away');
  await expect(alicePage.getByTestId('away-chain').filter({ hasText: 'New access requests' })).toContainText(
    'Bob Approver is away too, so to Carol Approver',
  );
  await aliceContext.close();

  await page.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByTestId('away-current')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Turn on Away' })).toBeVisible();
});
