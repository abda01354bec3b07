// List and detail state lives in the URL: filters and sort push history entries (Back/Forward move between them),
// the search box keeps every keystroke however fast the typing (its text is local state, the URL follows), a
// reload restores it all, and the detail page's approval-items search belongs to one work item.
import { expect, test } from './fixtures.ts';
import { apiSession, SEARCH, signIn } from './helpers.ts';

test('inbox: type filter, sort and fast typing in the URL; reload keeps them; Back/Forward move between states', async ({
  page,
}) => {
  await signIn(page, 'Alice Approver');
  const box = page.getByRole('searchbox', { name: SEARCH });
  const type = page.getByRole('combobox', { name: 'Type' });
  const sort = page.getByRole('combobox', { name: 'Sort' });
  await expect(page.getByTestId('match-count')).toHaveText(/^\d+ pending$/);

  await type.selectOption('Approval');
  await expect(page).toHaveURL(/[?&]type=Approval/);
  await sort.selectOption('oldest');
  await expect(page).toHaveURL(/[?&]sort=oldest/);

  // Typed as fast as the keyboard goes: every character stays, in the box and then in the URL.
  const text = 'access request items for';
  await box.pressSequentially(text);
  await expect(box).toHaveValue(text);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, '\\+')}(&|$)`));
  await expect(page.getByTestId('match-count')).toHaveText(/^\d+ of \d+ match$/);
  const matched = await page.getByTestId('match-count').textContent();

  await page.reload();
  await expect(box).toHaveValue(text);
  await expect(type).toHaveValue('Approval');
  await expect(sort).toHaveValue('oldest');
  await expect(page.getByTestId('match-count')).toHaveText(matched!);

  // Back: the sort before "oldest" (typing replaced its entry, so the text goes with it); Forward: back again.
  await page.goBack();
  await expect(sort).toHaveValue('newest');
  await expect(type).toHaveValue('Approval');
  await expect(box).toHaveValue('');
  await page.goBack();
  await expect(type).toHaveValue('');
  await expect(page.getByTestId('match-count')).toHaveText(/^\d+ pending$/);
  await page.goForward();
  await page.goForward();
  await expect(sort).toHaveValue('oldest');
  await expect(box).toHaveValue(text);
  await expect(page.getByTestId('match-count')).toHaveText(matched!);
});

test('detail: the approval-items search keeps fast typing, survives a reload, and starts empty on the next item', async ({
  page,
  request,
  baseURL,
}) => {
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const big = (await alice.list()).find((w) => (w.approvalItems ?? []).length >= 100);
  expect(big, 'a work item with many approval items').toBeTruthy();

  await signIn(page, 'Alice Approver');
  await page.goto(`/work-items/${big!.id}`);
  const box = page.getByRole('searchbox', { name: 'Search approval items' });
  const account = big!.approvalItems!.find((a) => a?.account)!.account!;
  await box.pressSequentially(account);
  await expect(box).toHaveValue(account);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(account)}`));
  await page.reload();
  await expect(box).toHaveValue(account);
  await expect(page.getByTestId('approval-item-row').first()).toContainText(account);

  await page.getByRole('button', { name: 'Next item' }).click();
  await expect(page).not.toHaveURL(new RegExp(big!.id));
  await expect(page).not.toHaveURL(/[?&]q=/);
  if ((await box.count()) > 0) await expect(box).toHaveValue('');
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${big!.id}\\?q=`));
  await expect(box).toHaveValue(account);
});
