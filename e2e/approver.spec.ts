import { expect, test } from './fixtures.ts';
import { apiSession, approvalLabel, plainApprovals, rowById, SEARCH, signIn } from './helpers.ts';

// Alice's day: the whole inbox, one item decided row by row, one with "Approve all", a manual task marked complete, two
// items bulk-approved from the inbox selection, and all of them under Completed. She works on the first
// matching items of her inbox; the admin spec takes items from the other end.

test('alice decides items one by one, in bulk, marks a task complete and finds them under Completed', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const items = await alice.list();
  const twoItems = plainApprovals(items, 2);
  const rowByRow = twoItems[0];
  const approveAll = plainApprovals(items, 3)[0];
  const bulk = [twoItems[1], plainApprovals(items, 4)[0]];
  const manual = items.find((w) => w.type === 'Generic' && (w.remediationItems ?? []).length > 0 && !w.form)!;
  expect(rowByRow && approveAll && bulk[0] && bulk[1] && manual).toBeTruthy();

  await signIn(page, 'Alice Approver');
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();

  // The inbox lists every pending item the summary counts, in one list (the figure is a placeholder until known).
  const pendingWorkItems = page.getByTestId('summary-pending-work-item');
  await expect(pendingWorkItems).toHaveText(/^\d+$/);
  const open = Number(await pendingWorkItems.textContent());
  expect(open).toBeGreaterThanOrEqual(40);
  // …and the access requests and Approvals-service approvals beside them (each its own figure)
  await expect(page.getByTestId('summary-pending-access-request')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('summary-pending-generic-approval')).toHaveText(/^\d+$/);
  const accessRequests = Number(await page.getByTestId('summary-pending-access-request').textContent());
  const approvals = Number(await page.getByTestId('summary-pending-generic-approval').textContent());
  await expect(page.getByTestId('match-count')).toHaveText(`${open + accessRequests + approvals} pending`);
  await expect(page.getByTestId('queue-mode')).toHaveText('Whole list');
  // (both kinds together are past the virtualiser's threshold: each kind's rows are counted on their own)
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('work-item');
  await expect(page.getByTestId('list-row')).toHaveCount(open);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('access-request');
  await expect(page.getByTestId('list-row')).toHaveCount(accessRequests);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('');
  // the nav, the summary and the list say the same number: every kind's pending items
  await expect(page.getByTestId('inbox-count')).toHaveText(String(open + accessRequests + approvals));
  await expect(page.getByTestId('summary-pending')).toHaveText(String(open + accessRequests + approvals));

  // One item decided row by row: approve one approval item, reject the other → completed, then "Next item".
  await (await rowById(page, rowByRow.id)).getByRole('link').click();
  await expect(page.getByRole('heading', { name: rowByRow.name!, level: 1 })).toBeVisible();
  const [first, second] = rowByRow.approvalItems!;
  await page.getByRole('button', { name: `Approve ${approvalLabel(first)}` }).click();
  await expect(page.getByRole('alert').filter({ hasText: `Approved ${approvalLabel(first)}` })).toBeVisible();
  await page.getByRole('button', { name: `Reject ${approvalLabel(second)}` }).click();
  // the last decision is held for its Undo, then sent: the server's answer says the item is completed
  await expect(page.getByText(/This work item is completed/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: /^Approve / })).toHaveCount(0);
  // it was opened from a list searched for its id: that list has no next item
  await expect(page.getByRole('button', { name: 'Next item' })).toBeDisabled();

  // "Approve all" on a second work item, confirmed with the count.
  await page.goto(`/work-items/${approveAll.id}`);
  await expect(page.getByRole('heading', { name: approveAll.name!, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Approve all' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(`Approve all 3 pending approval items of “${approveAll.name}”?`);
  await confirm.getByRole('button', { name: 'Approve 3 approval items' }).click();
  await expect(page.getByText(/This work item is completed/)).toBeVisible();

  // A manual task marked complete.
  await page.goto(`/work-items/${manual.id}`);
  await expect(page.getByRole('heading', { name: 'Remediation items', exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Mark complete' }).click();
  await expect(page.getByText(/This work item is completed/)).toBeVisible();

  // Two work items bulk-approved from the inbox selection.
  await page.getByRole('link', { name: /^Inbox/ }).click();
  for (const w of bulk) {
    const row = await rowById(page, w.id);
    await row.getByRole('checkbox').check();
  }
  await page.getByRole('searchbox', { name: SEARCH }).fill('');
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Approve selected' }).click();
  const dialog = page.getByRole('dialog');
  const approvalCount = bulk.reduce((n, w) => n + w.approvalItems!.length, 0);
  await expect(dialog).toContainText(`Approve ${approvalCount} approval items in 2 work items?`);
  await dialog.getByRole('button', { name: `Approve ${approvalCount} approval items in 2 work items` }).click();
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  await expect(dialog).toContainText('Approved 2 work items.');
  await expect(dialog.getByRole('list', { name: 'Results' }).getByRole('listitem')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('2 selected')).toHaveCount(0);
  await expect(page.getByTestId('summary-pending-work-item')).toHaveText(String(open - 5));

  // All five under Completed with their outcomes in words (ISC's state, "Finished" for each, on hover).
  await page.getByRole('link', { name: 'Completed' }).click();
  await expect(page.getByRole('heading', { name: 'Completed', level: 1 })).toBeVisible();
  const expected: [string, string][] = [
    [rowByRow.id, 'Partly approved'],
    [approveAll.id, 'Approved'],
    [manual.id, 'Completed'],
    [bulk[0].id, 'Approved'],
    [bulk[1].id, 'Approved'],
  ];
  for (const [id, state] of expected) {
    const row = await rowById(page, id);
    await expect(row).toContainText(state);
  }
});
