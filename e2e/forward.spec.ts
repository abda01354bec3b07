import { type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import AxeBuilder from '@axe-core/playwright';
import { apiSession, plainApprovals, rowById, SEARCH, signIn } from './helpers.ts';

// Forwarding, one and many, and the admin's owner picker searching by name. Alice's items are taken from the END
// of her plain approvals, skipping the very last (the admin spec's) so that spec order does not matter; the
// approver spec takes hers from the front.

const SHOTS = 'test-results/screenshots';

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: /^Sign in as / }).first()).toBeVisible();
}

/** The inbox (the whole list: any item can be found by the search). */
async function openWholeInbox(page: Page) {
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await expect(page.getByTestId('list-row').first()).toBeVisible();
}

async function expectNotInInbox(page: Page, id: string) {
  await page.getByRole('searchbox', { name: SEARCH }).fill(id);
  await expect(page.getByTestId('list-row')).toHaveCount(0);
}

test('alice forwards one item to bob by typing "bo"; bob finds it with its forwarding history', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const candidates = plainApprovals(await alice.list());
  const item = candidates[candidates.length - 2];
  expect(item, 'a plain approval of alice to forward').toBeTruthy();

  await signIn(page, 'Alice Approver');
  await page.goto(`/work-items/${item.id}`);
  await expect(page.getByRole('heading', { name: item.name!, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Forward', exact: true }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: `Forward “${item.name}”` })).toBeVisible();
  const picker = dialog.getByRole('combobox', { name: 'Forward to' });
  await expect(picker).toBeFocused();
  await expect(dialog.getByRole('checkbox', { name: 'Send notification' })).toBeChecked();

  // Nothing chosen, no comment: both are said to be required, nothing is sent.
  await dialog.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(dialog).toContainText('Choose who to forward to.');
  await expect(dialog).toContainText('A comment is required');

  await picker.fill('bo');
  const bob = page.getByRole('option', { name: /Bob Approver/ });
  await expect(bob).toBeVisible();
  await expect(bob).toContainText('bob.approver@acme-solar.com');
  await page.screenshot({ path: `${SHOTS}/forward-picker.png` });
  await bob.click();
  await expect(picker).toHaveValue('Bob Approver');
  await dialog.getByRole('textbox', { name: 'Comment' }).fill('Bob owns this application now.');
  await expect(dialog).not.toContainText('Choose who to forward to.');
  // axe on the dialog itself (the page behind it is the detail page's spec's business).
  const axe = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] })
    .include('[role="dialog"]')
    .analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    'forward dialog: axe violations',
  ).toEqual([]);
  await dialog.screenshot({ path: `${SHOTS}/forward-dialog.png` });
  await dialog.getByRole('button', { name: 'Forward', exact: true }).click();

  // Back in the list it came from, the item gone, a snackbar naming it and the new owner.
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByRole('alert').filter({ hasText: `Forwarded “${item.name}” to Bob Approver` })).toBeVisible();
  expect((await alice.list()).some((w) => w.id === item.id)).toBe(false);
  await openWholeInbox(page);
  await expectNotInInbox(page, item.id);

  // Bob finds it, and who forwarded it to him, with the comment.
  await signOut(page);
  await signIn(page, 'Bob Approver');
  await openWholeInbox(page);
  await (await rowById(page, item.id)).getByRole('link').click();
  await expect(page.getByRole('heading', { name: item.name!, level: 1 })).toBeVisible();
  const history = page.getByRole('region', { name: 'Forwarding history' });
  await expect(history.getByTestId('forward-history-entry')).toHaveCount(1);
  await expect(history).toContainText('Alice Approver forwarded it to Bob Approver');
  await expect(history).toContainText('Bob owns this application now.');
  await page.getByRole('region', { name: 'Forwarding history' }).screenshot({ path: `${SHOTS}/forward-history.png` });
});

test('alice forwards three selected items to carol in one go', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const candidates = plainApprovals(await alice.list());
  const three = candidates.slice(-6, -3);
  expect(three).toHaveLength(3);

  await signIn(page, 'Alice Approver');
  await openWholeInbox(page);
  for (const w of three) await (await rowById(page, w.id)).getByRole('checkbox').check();
  await page.getByRole('searchbox', { name: SEARCH }).fill('');
  await expect(page.getByText('3 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Forward selected' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Forward 3 work items' })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Forward to' }).fill('car');
  await page.getByRole('option', { name: /Carol Approver/ }).click();
  await dialog.getByRole('textbox', { name: 'Comment' }).fill('Carol covers these while I am on leave.');
  await dialog.getByRole('button', { name: 'Forward', exact: true }).click();

  await expect(dialog.getByRole('progressbar', { name: 'Forward progress' })).toBeVisible();
  await expect(dialog).toContainText('Forwarded 3 work items to Carol Approver.');
  await expect(dialog.getByRole('status')).toHaveText('3 of 3 work items done');
  const results = dialog.getByRole('list', { name: 'Results' }).getByRole('listitem');
  await expect(results).toHaveCount(3);
  for (const w of three) {
    await expect(results.filter({ hasText: w.name! }).first()).toContainText('Forwarded to Carol Approver');
  }
  await dialog.screenshot({ path: `${SHOTS}/forward-selected-results.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Forwarded 3 work items to Carol Approver' })).toBeVisible();
  await expect(page.getByText('3 selected')).toHaveCount(0);
  for (const w of three) await expectNotInInbox(page, w.id);

  // All three are in carol's inbox.
  await signOut(page);
  await signIn(page, 'Carol Approver');
  await openWholeInbox(page);
  for (const w of three) await expect(await rowById(page, w.id)).toContainText(w.name!);
});

test('ada, as admin, finds bob through the owner picker by name and sees his inbox', async ({
  page,
  request,
  baseURL,
}) => {
  const bob = await apiSession(request, baseURL!, 'bob.approver');
  const bobsOpen = (await bob.list()).length;
  expect(bobsOpen).toBeGreaterThan(0);

  await signIn(page, 'Ada Admin');
  const picker = page.getByRole('combobox', { name: 'Owner' });
  await picker.fill('Bob');
  await page.getByRole('option', { name: /Bob Approver/ }).click();
  await expect(page).toHaveURL(new RegExp(`/inbox\\?ownerId=${bob.identityId}`));
  await expect(page.getByTestId('owner-banner')).toContainText('Viewing items of Bob Approver');
  await expect(page.getByTestId('summary-pending-work-item')).toHaveText(String(bobsOpen));
  await expect(page.getByTestId('list-row').first()).toBeVisible();

  // Bob is now a recent owner: offered before anything is typed.
  await page.getByRole('link', { name: 'Back to my items' }).click();
  await page.getByRole('combobox', { name: 'Owner' }).click();
  await expect(page.getByRole('option', { name: /Bob Approver/ })).toBeVisible();
});

test('a forward that fails in a selection keeps that item selected with its reason', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const bobId = (await apiSession(request, baseURL!, 'bob.approver')).identityId;
  // `request` keeps one cookie: alice's session from here on.
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const [gone, stays] = plainApprovals(await alice.list()).slice(-9, -7);
  expect(gone && stays).toBeTruthy();

  await signIn(page, 'Alice Approver');
  await openWholeInbox(page);
  for (const w of [gone, stays]) await (await rowById(page, w.id)).getByRole('checkbox').check();
  await page.getByRole('searchbox', { name: SEARCH }).fill('');
  await expect(page.getByText('2 selected')).toBeVisible();

  // Meanwhile, in another tab, alice hands one of them to bob: it is no longer hers to forward.
  const moved = await request.post(`/v3/work-items/${gone.id}/forward`, {
    data: { targetOwnerId: bobId, comment: 'other tab' },
    headers: { 'X-Requested-With': 'XMLHttpRequest', Origin: baseURL! },
  });
  expect(moved.status()).toBe(200);

  await page.getByRole('button', { name: 'Forward selected' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Forward to' }).fill('carol');
  await page.getByRole('option', { name: /Carol Approver/ }).click();
  await dialog.getByRole('textbox', { name: 'Comment' }).fill('Sales items go to Carol.');
  await dialog.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(dialog).toContainText('1 succeeded, 1 failed. The failed ones stay selected');
  const results = dialog.getByRole('list', { name: 'Results' }).getByRole('listitem');
  await expect(results.filter({ hasText: stays.name! })).toContainText('Forwarded to Carol Approver');
  await expect(results.filter({ hasText: gone.name! })).toContainText(/another identity|not allowed/i);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The failed one stays selected (it left alice's inbox in the other tab, so it has no row here any more).
  await expect(page.getByText('1 selected')).toBeVisible();
  await expectNotInInbox(page, stays.id);
});
