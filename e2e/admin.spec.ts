import { expect, test } from './fixtures.ts';
import { apiSession, plainApprovals, rowById, signIn } from './helpers.ts';

// Ada (admin) works on alice's items from the END of alice's inbox; alice's own spec takes the first ones.

test("ada opens alice's inbox through the owner picker and approves one of her items", async ({
  page,
  request,
  baseURL,
}) => {
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const candidates = plainApprovals(await alice.list()).filter((w) => (w.approvalItems ?? []).length >= 2);
  const item = candidates[candidates.length - 1];
  expect(item).toBeTruthy();

  await signIn(page, 'Ada Admin');
  const picker = page.getByRole('combobox', { name: 'Owner' });
  await picker.fill(alice.identityId);
  await picker.press('Enter');
  await expect(page).toHaveURL(new RegExp(`ownerId=${alice.identityId}`));
  // leave the picker before touching the page (its blur must not undo later URL changes)
  await page.getByRole('heading', { name: 'Inbox', level: 1 }).click();
  await expect(page.getByTestId('owner-banner')).toContainText('Viewing items of Alice Approver');
  // (the figure is a placeholder until known)
  const pendingWorkItems = page.getByTestId('summary-pending-work-item');
  await expect(pendingWorkItems).toHaveText(/^\d+$/);
  const open = Number(await pendingWorkItems.textContent());
  expect(open).toBeGreaterThan(0);
  // alice's whole pending queue, every kind, the same number in the nav, the summary and the list
  await expect(page.getByTestId('queue-progress')).toHaveCount(0);
  const pending = Number(await page.getByTestId('summary-pending').textContent());
  const perKind = (await page.locator('[data-testid^="summary-pending-"]').allTextContents()).map(Number);
  expect(perKind).toHaveLength(3);
  expect(pending).toBe(perKind.reduce((sum, n) => sum + n, 0));
  await expect(page.getByTestId('inbox-count')).toHaveText(String(pending));
  await expect(page.getByTestId('match-count')).toHaveText(`${pending} pending`);

  await (await rowById(page, item.id)).getByRole('link').click();
  await expect(page.getByRole('heading', { name: item.name!, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`ownerId=${alice.identityId}`));
  const sent = page.waitForResponse((r) => r.url().includes(`/v3/work-items/bulk-approve/${item.id}`), {
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Approve all' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Approve \d+ approval items$/ })
    .click();
  await expect(page.getByText(/This work item is completed/)).toBeVisible();
  // held for its Undo, then sent
  expect((await sent).ok()).toBe(true);

  // alice's completed list (still through the owner) has it; the recent owner is offered next time.
  await page.getByRole('link', { name: 'Completed' }).click();
  await expect(page).toHaveURL(new RegExp(`/completed\\?ownerId=${alice.identityId}`));
  await expect(await rowById(page, item.id)).toContainText('Approved');
  await page.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('link', { name: 'Back to my items' }).click();
  await expect(page.getByTestId('owner-banner')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Owner' }).click();
  await expect(page.getByRole('option', { name: /Alice Approver/ })).toBeVisible();
});

test("bob pasting alice's ownerId sees that he is not allowed", async ({ page, request, baseURL }) => {
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  await signIn(page, 'Bob Approver');
  await expect(page.getByRole('combobox', { name: 'Owner' })).toHaveCount(0);
  await page.goto(`/inbox?ownerId=${alice.identityId}`);
  await expect(page.getByRole('alert')).toContainText("You are not allowed to view another owner's items");
  await expect(page.getByTestId('error-tracking-id')).not.toBeEmpty();
  await page.goto(`/completed?ownerId=${alice.identityId}`);
  await expect(page.getByRole('alert')).toContainText("You are not allowed to view another owner's items");
});
