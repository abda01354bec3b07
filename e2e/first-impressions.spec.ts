import { expect, test } from './fixtures.ts';
import { apiSession, approvalLabel, plainApprovals, rowById, signIn } from './helpers.ts';

// What a new approver tripped over, as they now see it: decisions in words, the Completed column sorting,
// a forwarded or unknown item explained, a theme toggle whose first click shows, forms' item counts, grammar,
// the owner picker's label, focus after opening an item, and the room descriptions get on a wide screen.

test('decisions read Approved / Rejected / Partly approved, with ISC’s state on hover', async ({
  page,
  request,
  baseURL,
}) => {
  // ada's own queue: no other spec decides her items (carol's few multi-item approvals belong to faults.spec)
  const ada = await apiSession(request, baseURL!, 'ada.admin');
  const item = (await ada.list())
    .filter(
      (w) =>
        w.type === 'Approval' &&
        (w.approvalItems ?? []).length >= 2 &&
        w.approvalItems!.every((a) => !a.state || a.state === 'Pending') &&
        new Set(w.approvalItems!.map(approvalLabel)).size === w.approvalItems!.length,
    )
    .at(-1)!;
  expect(item, 'an approval of ada with two or more items').toBeTruthy();
  const [first, second] = item.approvalItems!;

  await signIn(page, 'Ada Admin');
  await page.goto(`/work-items/${item.id}`);
  await expect(page.getByRole('heading', { name: item.name!, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: `Approve ${approvalLabel(first)}` }).click();
  const rows = page.getByTestId('approval-item-row');
  const approvedChip = rows.nth(0).locator('[data-state="Finished"]');
  await expect(approvedChip).toHaveText('Approved');
  await expect(approvedChip).toHaveAttribute('title', 'ISC state: Finished');
  await page.getByRole('button', { name: `Reject ${approvalLabel(second)}` }).click();
  await expect(rows.nth(1).getByText('Rejected', { exact: true })).toBeVisible();
  for (const other of item.approvalItems!.slice(2)) {
    await page.getByRole('button', { name: `Approve ${approvalLabel(other)}` }).click();
  }
  await expect(page.getByText('This work item is completed (Partly approved)')).toBeVisible();
  await expect(page.getByText('Finished', { exact: true })).toHaveCount(0);

  await page.getByRole('link', { name: 'Completed' }).click();
  const row = await rowById(page, item.id);
  const state = row.locator('.state');
  await expect(state).toHaveText('Partly approved');
  await expect(state).toHaveAttribute('title', 'ISC state: Finished');
});

test('Completed: newest completion first, and the Completed column header sorts', async ({
  page,
  request,
  baseURL,
}) => {
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const r = await request.get('/v3/work-items/completed?limit=250&offset=0');
  const completed = (await r.json()) as { id: string; completed: string }[];
  const byCompletion = [...completed].sort((a, b) => Date.parse(b.completed) - Date.parse(a.completed));
  expect(alice.identityId).toBeTruthy();

  await signIn(page, 'Alice Approver');
  // the work items' history (the access requests' history sits beside it under "All kinds")
  await page.goto('/completed?kind=work-item');
  const firstLink = page.getByTestId('list-row').first().getByRole('link');
  await expect(firstLink).toHaveAttribute('href', `/work-items/${byCompletion[0].id}`);
  await page.getByRole('columnheader', { name: 'Completed' }).getByRole('button').click();
  await expect(page).toHaveURL(/sort=completed-oldest/);
  await expect(firstLink).toHaveAttribute('href', `/work-items/${byCompletion.at(-1)!.id}`);
  await page.getByRole('columnheader', { name: 'Completed' }).getByRole('button').click();
  await expect(page).not.toHaveURL(/sort=/); // newest completion first is the default
  await expect(firstLink).toHaveAttribute('href', `/work-items/${byCompletion[0].id}`);
});

test('a forwarded item says where it went; an unknown id says where to look', async ({ page, request, baseURL }) => {
  const carol = await apiSession(request, baseURL!, 'carol.approver');
  const item = plainApprovals(await carol.list()).at(-1)!;
  expect(item, 'a plain approval of carol to forward').toBeTruthy();

  await signIn(page, 'Carol Approver');
  await page.goto(`/work-items/${item.id}`);
  await page.getByRole('button', { name: 'Forward', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Forward to' }).fill('bob');
  await page.getByRole('option', { name: /Bob Approver/ }).click();
  await dialog.getByRole('textbox', { name: 'Comment' }).fill('Bob covers this application');
  await dialog.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();

  await page.goto(`/work-items/${item.id}`);
  await expect(page.getByRole('heading', { name: 'You forwarded this work item', level: 1 })).toBeVisible();
  const note = page.getByTestId('work-item-unavailable');
  await expect(note).toContainText(/You forwarded this to Bob Approver on \w{3} \d{1,2}, \d{4}/);
  await expect(note).not.toContainText('not allowed');
  await note.getByRole('link', { name: 'Completed' }).click();
  await expect(page.getByRole('heading', { name: 'Completed', level: 1 })).toBeVisible();

  await page.goto('/work-items/0123456789abcdef0123456789abcdef');
  await expect(page.getByRole('heading', { name: 'Work item not found', level: 1 })).toBeVisible();
  const missing = page.getByTestId('work-item-unavailable');
  await expect(missing).toContainText('There is no work item with this id.');
  await expect(missing.getByRole('link', { name: 'inbox' })).toHaveAttribute('href', '/inbox');
  await expect(missing.getByRole('link', { name: 'Completed' })).toHaveAttribute('href', '/completed');
});

test('the theme toggle’s first click switches what is shown', async ({ page }) => {
  for (const system of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: system });
    await signIn(page, 'Bob Approver');
    await page.evaluate(() => localStorage.removeItem('mui-mode'));
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
    // the app's page, not the server's first screen of rows held above it while it renders
    await expect(page.locator('[data-first-screen]')).toHaveCount(0);
    const background = () => page.locator('main').evaluate((el) => getComputedStyle(el.parentElement!).backgroundColor);
    const before = await background();
    const other = system === 'light' ? 'dark' : 'light';
    const toggle = page.getByRole('button', { name: /^Theme:/ });
    await expect(toggle).toHaveAttribute('aria-label', /^Theme: follows the system/);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-label', new RegExp(`^Theme: ${other}`));
    await expect(toggle).toHaveAttribute('data-shown', other);
    await expect.poll(background, { message: `system ${system}: the first click changes the page` }).not.toBe(before);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-label', new RegExp(`^Theme: ${system}`));
    await expect.poll(background).toBe(before);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-label', /^Theme: follows the system/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    // signing out first sends what the outbox holds: a navigation before it has ended would cut it short
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

test('forms say Form, one item reads in the singular, focus lands on the new page’s heading, wide screens use their width', async ({
  page,
  request,
  baseURL,
}) => {
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const items = await alice.list();
  const form = items.find((w) => w.type === 'Form' && w.form?.subtitle === 'Active Directory: CN=Payroll-Approvers')!;
  const single = items.find(
    (w) =>
      w.type === 'Approval' &&
      w.approvalItems?.length === 1 &&
      (!w.approvalItems[0].state || w.approvalItems[0].state === 'Pending'),
  )!;
  expect(form && single).toBeTruthy();

  await page.setViewportSize({ width: 1920, height: 1080 });
  await signIn(page, 'Alice Approver');
  const formRow = await rowById(page, form.id);
  await expect(formRow.locator('td.num')).toHaveText('Form');

  // Enter on a row's link: the detail page's heading has the focus (a screen reader announces the page)
  await formRow.getByRole('link').focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: form.name!, level: 1 });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  // two accounts whose DNs differ by "(1)" and "(2)": each choice also says its status and last login
  const choices = page.getByRole('radio');
  await expect(choices).toHaveCount(2);
  await expect(choices.nth(0)).toHaveAccessibleName(/\(1\),OU=Users.* — active, last login \d{4}-\d{2}-\d{2}$/);
  await expect(choices.nth(1)).toHaveAccessibleName(/\(2\),OU=Users.* — disabled, last login \d{4}-\d{2}-\d{2}$/);

  // "Approve all" of one approval item is a single decision: no question, held with Undo (undone here)
  await page.goto(`/work-items/${single.id}`);
  await page.getByRole('button', { name: 'Approve all' }).click();
  const toast = page.getByRole('alert').filter({ hasText: `Approved “${single.name}”` });
  await expect(toast).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was sent' })).toBeVisible();

  // 1920 px: the list is wider than the old 1536 px cap, so names and descriptions get the room
  await page.goto('/completed');
  const description = page.getByTestId('list-row').first().locator('.line.muted').first();
  await expect(description).toBeVisible();
  expect((await description.boundingBox())!.width).toBeGreaterThan(700);
});

test('the admin’s owner picker says what empty means, and its label stays inside its box', async ({ page }) => {
  await signIn(page, 'Ada Admin');
  const picker = page.getByRole('combobox', { name: 'Owner' });
  await expect(picker).toHaveAttribute('placeholder', 'My items · search by name');
  await picker.fill('alice');
  await page.getByRole('option', { name: /Alice Approver/ }).click();
  await expect(page.getByTestId('owner-banner')).toContainText('Alice Approver');
  const label = page.locator('label', { hasText: /^Owner$/ });
  const box = page.locator('header .MuiAutocomplete-root').locator('xpath=..');
  const [l, b] = [(await label.boundingBox())!, (await box.boundingBox())!];
  expect(l.y, 'the label’s top inside the picker’s box').toBeGreaterThanOrEqual(b.y);
  expect(l.x + l.width).toBeLessThanOrEqual(b.x + b.width);
});
