import fs from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { apiSession, expectNoSeriousA11yViolations, expectTouchTargets, plainApprovals } from './helpers.ts';

// The phone layout at 390 × 844 with touch: every page fits the width (at 360 px too), has no serious axe
// violation, and its buttons are at least 44 × 44 CSS pixels; the inbox and completed lists are cards, the app bar
// is one row, the filters fold under one button, approval items stack with full-width buttons. Only reads and
// opens dialogs: it decides nothing. Screenshots under test-results/screenshots/phone-*.png.

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const SHOTS = 'test-results/screenshots';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/phone-${name}.png` });
}

/** The document never scrolls sideways, at this width and at 360 px. */
async function expectNoSideScroll(page: Page, what: string) {
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 844 });
    // a layout pass at the new width before measuring
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const el = document.scrollingElement!;
      return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
    });
    expect(scrollWidth, `${what} at ${width} px: the page scrolls sideways`).toBeLessThanOrEqual(clientWidth);
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

async function expectPhoneFit(page: Page, what: string) {
  await expectNoSideScroll(page, what);
  await expectTouchTargets(page, what);
  await expectNoSeriousA11yViolations(page, what);
}

/** The app bar is one row (it was three, ~180 px, before the phone layout). */
async function expectOneRowAppBar(page: Page) {
  const bar = page.locator('header').first();
  const box = await bar.boundingBox();
  expect(box!.height).toBeLessThanOrEqual(64);
}

test('phone: sign-in, inbox, detail, forward dialog, form and completed fit the screen, with touch-sized buttons', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const items = await alice.list();
  const approval = plainApprovals(items).find((w) => (w.approvalItems ?? []).length >= 3)!;
  // any pending form of alice's (the forms spec, run before, submits some of them)
  const form = items.find((w) => w.type === 'Form' && w.form && w.state === 'Pending')!;
  expect(approval && form).toBeTruthy();

  // Sign-in
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in as Alice Approver' })).toBeVisible();
  await expectPhoneFit(page, 'sign-in');
  await page.getByRole('button', { name: 'Sign in as Alice Approver' }).click();

  // Inbox: one-row app bar, cards with name, requester, age, count and state
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await expectOneRowAppBar(page);
  const list = page.getByRole('table', { name: 'Pending items' });
  await expect(list).toHaveAttribute('data-layout', 'cards');
  const card = page.getByTestId('list-row').filter({ has: page.locator(`a[href="/work-items/${approval.id}"]`) });
  await page.getByRole('searchbox', { name: 'Search the list' }).fill(approval.id);
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  await expect(card).toContainText(approval.name!);
  await expect(card).toContainText(approval.requesterDisplayName!);
  await expect(card).toContainText(`${approval.approvalItems!.length} pending`);
  await expect(card).toContainText('Pending');
  await expect(card.locator('[data-age]')).toHaveText(/\d+ (h|days?)|just now/);
  await page.getByRole('searchbox', { name: 'Search the list' }).fill('');
  await expect(page.getByTestId('match-count')).toHaveText(/^\d+ pending$/);
  // the bulk actions, same names as on a desktop, in one even grid
  for (const name of ['Approve selected', 'Reject selected', 'Mark selected complete', 'Forward selected']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expectPhoneFit(page, 'inbox');
  await shot(page, 'inbox');

  // The filters and sort fold under one button; opened, they work as on a desktop.
  await expect(page.getByRole('combobox', { name: 'Type' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Filters and sort' }).click();
  await page.getByRole('combobox', { name: 'Type' }).selectOption('Form');
  await expect(page.getByRole('button', { name: /Hide filters and sort \(1 applied\)/ })).toBeVisible();
  await expect(page.getByTestId('list-row').first()).toContainText('Form');
  await expect(page.getByRole('combobox', { name: 'Load up to' })).toBeVisible();
  await expectPhoneFit(page, 'inbox with the filters open');
  await page.getByRole('combobox', { name: 'Type' }).selectOption('');

  // The account menu: who is signed in, the theme, sign-out.
  await page.getByRole('button', { name: 'Account and settings' }).click();
  const menu = page.getByRole('region', { name: 'Account and settings' });
  await expect(menu.getByTestId('signed-in-as')).toHaveText('Alice Approver');
  await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(menu.getByRole('button', { name: /^Theme:/ })).toBeVisible();
  await expectTouchTargets(page, 'account menu');
  await shot(page, 'menu');
  await page.getByRole('button', { name: 'Account and settings' }).click();
  await expect(menu).toHaveCount(0);

  // Detail: the approval items stacked, Approve and Reject across the card
  await card.getByRole('link').click();
  await expect(page.getByRole('heading', { name: approval.name!, level: 1 })).toBeVisible();
  await expectOneRowAppBar(page);
  const first = approval.approvalItems![0];
  const approve = page.getByRole('button', { name: `Approve ${first.application}: ${first.name}` });
  const reject = page.getByRole('button', { name: `Reject ${first.application}: ${first.name}` });
  await expect(approve).toBeVisible();
  const [a, r] = [(await approve.boundingBox())!, (await reject.boundingBox())!];
  expect(a.height).toBeGreaterThanOrEqual(44);
  // side by side, together the card's width (each over 40 % of the screen)
  expect(a.width).toBeGreaterThan(390 * 0.4);
  expect(r.width).toBeGreaterThan(390 * 0.4);
  expect(Math.abs(a.y - r.y)).toBeLessThan(2);
  await expectPhoneFit(page, 'detail');
  await shot(page, 'detail');
  await approve.scrollIntoViewIfNeeded();
  await shot(page, 'detail-items');

  // Forward dialog
  await page.getByRole('button', { name: 'Forward', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('combobox', { name: 'Forward to' })).toBeVisible();
  await expectPhoneFit(page, 'forward dialog');
  await shot(page, 'forward');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  // A form
  await page.goto(`/work-items/${form.id}`);
  await expect(page.getByRole('heading', { name: form.name!, level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit selection' })).toBeVisible();
  await expectPhoneFit(page, 'form');
  await shot(page, 'form');

  // Completed: cards with the completion date and the outcome in words
  await page.getByRole('link', { name: 'Completed' }).click();
  await expect(page.getByRole('heading', { name: 'Completed', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Completed items' })).toHaveAttribute('data-layout', 'cards');
  await expect(page.getByTestId('list-row').first()).toContainText(/\w{3} \d{1,2}, \d{4}/);
  await expectPhoneFit(page, 'completed');
  await shot(page, 'completed');

  // Sign out from the menu
  await page.getByRole('button', { name: 'Account and settings' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in as Alice Approver' })).toBeVisible();
});
