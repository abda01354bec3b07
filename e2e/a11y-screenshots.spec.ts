import fs from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { PendingApproval } from '../contract/access-requests.ts';
import {
  apiSession,
  expectNoSeriousA11yViolations,
  expectTouchTargets,
  plainApprovals,
  SEARCH,
  signIn,
} from './helpers.ts';

// axe on sign-in, inbox, completed and detail (light and dark), and screenshots of inbox, detail and completed
// in both colour schemes under test-results/screenshots/. Then both kinds at 1280 and 390 px, light and dark: the
// inbox, a work item's expanded row, each kind's detail page, the shortcut sheet and a bulk confirmation over one
// item of each kind — axe on each, touch targets of at least 44 px on the phone. Only reads: it decides nothing.

const SHOTS = 'test-results/screenshots';

async function shot(page: Page, name: string, fullPage = false) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

test('sign-in page has no serious accessibility violations', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in as Alice Approver' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, `sign-in (${colorScheme})`);
    await shot(page, `sign-in-${colorScheme}`);
  }
});

test('inbox, completed and detail: axe and screenshots in light and dark', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const bob = await apiSession(request, baseURL!, 'bob.approver');
  const items = await bob.list();
  const detail = plainApprovals(items).find((w) => (w.approvalItems ?? []).length >= 3) ?? items[0];
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, 'Bob Approver');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });

    await page.goto('/inbox');
    await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
    await expect(page.getByTestId('list-row').first()).toBeVisible();
    await expect(page.getByTestId('summary-pending-work-item')).not.toBeEmpty();
    await expectNoSeriousA11yViolations(page, `inbox (${colorScheme})`);
    await shot(page, `inbox-${colorScheme}`);

    await page.goto(`/work-items/${detail.id}`);
    await expect(page.getByRole('heading', { name: detail.name!, level: 1 })).toBeVisible();
    await expect(page.getByTestId('approval-item-row').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, `detail (${colorScheme})`);
    await shot(page, `detail-${colorScheme}`);

    await page.goto('/completed');
    await expect(page.getByRole('heading', { name: 'Completed', level: 1 })).toBeVisible();
    await expect(page.getByTestId('list-row').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, `completed (${colorScheme})`);
    await shot(page, `completed-${colorScheme}`);
  }
});

test('both kinds at 1280 and 390 px, light and dark: inbox, expanded row, detail pages, shortcuts, bulk confirmation', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const alice = await apiSession(request, baseURL!, 'alice.approver');
  const workItem = plainApprovals(await alice.list()).find((w) => (w.approvalItems ?? []).length >= 3)!;
  const r = await request.get('/v3/access-request-approvals/pending?owner-id=me&limit=50&offset=0');
  const accessRequest = ((await r.json()) as PendingApproval[]).find((a) => !a.actionInProcess)!;
  expect(workItem && accessRequest, 'one pending item of each kind').toBeTruthy();
  const arName = accessRequest.requestedObject?.name ?? accessRequest.name ?? accessRequest.id;
  await signIn(page, 'Alice Approver');
  const search = page.getByRole('searchbox', { name: SEARCH });
  const rowOf = (href: string) => page.getByTestId('list-row').filter({ has: page.locator(`a[href="${href}"]`) });

  for (const width of [1280, 390]) {
    const phone = width < 600;
    await page.setViewportSize({ width, height: phone ? 844 : 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      const name = (what: string) => `${what}-${width}-${colorScheme}`;
      const check = async (what: string, fullPage = false) => {
        await expectNoSeriousA11yViolations(page, name(what));
        if (phone) await expectTouchTargets(page, name(what));
        await shot(page, name(what), fullPage);
      };
      await page.emulateMedia({ colorScheme });

      // The inbox, both kinds in one list (oldest first, where the seed's access requests sit among work items)
      await page.goto('/inbox?sort=oldest');
      await expect(page.getByTestId('list-row').first()).toBeVisible();
      await expect(page.getByTestId('summary-pending-access-request')).not.toBeEmpty();
      await expect(page.getByTestId('list-row').locator('a[href^="/access-requests/"]').first()).toBeVisible();
      await check('kinds-inbox');

      // A bulk confirmation over one item of each kind (selected one after the other through the search)
      for (const href of [`/work-items/${workItem.id}`, `/access-requests/${accessRequest.id}`]) {
        await search.fill(href.split('/')[2]);
        await expect(page.getByTestId('list-row')).toHaveCount(1);
        const box = rowOf(href).getByRole('checkbox');
        await box.check();
        if (phone) {
          // the card's checkbox is a 44 px target (its label), not the 18 px box
          const target = await box.evaluate((el) => {
            const r = (el.closest('label') ?? el).getBoundingClientRect();
            return { width: r.width, height: r.height };
          });
          expect(target.width, 'card checkbox target').toBeGreaterThanOrEqual(44);
          expect(target.height, 'card checkbox target').toBeGreaterThanOrEqual(44);
        }
      }
      await search.fill('');
      await expect(page.getByTestId('selection-bar')).toContainText('2 selected');
      await page.getByRole('button', { name: 'Reject selected', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading')).toHaveText(/^Reject .*\?$/);
      await expect(dialog.getByRole('textbox', { name: /Comment/ })).toBeVisible();
      await check('kinds-bulk-confirmation');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toHaveCount(0);
      await page.getByRole('button', { name: 'Clear selection' }).click();

      // The work item's row, expanded in place (a wide screen's table), with its own decisions
      if (!phone) {
        await search.fill(workItem.id);
        await rowOf(`/work-items/${workItem.id}`)
          .getByRole('button', { name: `Show the items of ${workItem.name}` })
          .click();
        await expect(page.getByRole('button', { name: /^Approve / }).first()).toBeVisible();
        await check('kinds-expanded-row');
        await search.fill('');
      }

      // The shortcut sheet, from the list
      await page.getByRole('heading', { name: 'Inbox', level: 1 }).click();
      await page.keyboard.press('?');
      const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(sheet).toBeVisible();
      await check('kinds-shortcuts');
      await page.keyboard.press('Escape');
      await expect(sheet).toHaveCount(0);

      // Each kind's detail page
      await page.goto(`/work-items/${workItem.id}`);
      await expect(page.getByRole('heading', { name: workItem.name!, level: 1 })).toBeVisible();
      await expect(page.getByTestId('approval-item-row').first()).toBeVisible();
      await check('kinds-work-item', true);
      await page.goto(`/access-requests/${accessRequest.id}`);
      await expect(page.getByRole('heading', { name: arName, level: 1 })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Reject', exact: true })).toBeVisible();
      await check('kinds-access-request', true);
    }
  }
});

test('the Approvals service at 1280 and 390 px, light and dark: the list by due date and an approval’s page', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const token = await request.post('/oauth/token', {
    form: { grant_type: 'client_credentials', client_id: 'alice.approver', client_secret: 'sandbox-secret' },
  });
  const headers = { Authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` };
  const r = await request.get(
    `/v2025/generic-approvals?mine=true&limit=250&filters=${encodeURIComponent('status eq "PENDING"')}`,
    { headers },
  );
  // one with everything on its page: several approvers, a reassignment, attributes
  const approvals = (await r.json()) as { id: string; staticAttributes?: object; type?: string }[];
  const rich = approvals.find((a) => a.staticAttributes && a.type !== 'AGENT_ACTIVATE_APPROVAL') ?? approvals[0];
  await signIn(page, 'Alice Approver');
  for (const width of [1280, 390]) {
    const phone = width < 600;
    await page.setViewportSize({ width, height: phone ? 844 : 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      const name = (what: string) => `${what}-${width}-${colorScheme}`;
      await page.emulateMedia({ colorScheme });
      await page.goto('/inbox?sort=due');
      await expect(page.getByTestId('list-row').first()).toContainText('expires in');
      await expect(page.getByTestId('summary-due-soon')).not.toBeEmpty();
      await expectNoSeriousA11yViolations(page, name('approvals-inbox'));
      if (phone) await expectTouchTargets(page, name('approvals-inbox'));
      await shot(page, name('approvals-inbox'));
      await page.goto(`/approvals/${rich.id}`);
      await expect(page.getByRole('heading', { name: 'Attributes' })).toBeVisible();
      // the list it came from is loaded: "Next item" has its final state
      await expect(page.getByRole('button', { name: 'Next item' })).toBeEnabled();
      await expectNoSeriousA11yViolations(page, name('approval-detail'));
      if (phone) await expectTouchTargets(page, name('approval-detail'));
      await shot(page, name('approval-detail'), true);
    }
  }
});
