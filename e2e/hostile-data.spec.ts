// Hostile data renders as text and stays usable: alice's seeded items whose names, descriptions, accounts, values,
// errors and form hold HTML, <script>, an <img onerror>, very long unbroken strings, RTL text and emoji
// (server/sandbox/seed.ts `seedHostileItems`). They must render as text, nothing may execute (React escapes; the CSP forbids inline script
// as a second line), and the pages must stay usable: the decision buttons on screen, no page-wide sideways scroll.
// Only reads: it decides nothing, so the other specs' view of alice's inbox is unchanged.
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { apiSession, signIn, type ApiWorkItem } from './helpers.ts';

const SHOTS = 'test-results/screenshots';
const SCRIPT = '<script>alert("owned")</script>';
const IMG = '<img src=x onerror="alert(document.cookie)">';
const RTL_START = 'طلب وصول إلى نظام الرواتب';
const EMOJI = '🔥🚀 Access ✅ for 👩🏽‍💻 team';

/** Fails the test on any alert/confirm/prompt, and notes CSP violations and page errors. */
function watch(page: Page) {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return { dialogs, errors };
}

/** Nothing of the hostile strings became markup. */
async function expectNoInjection(page: Page) {
  const found = await page.evaluate(() => ({
    imgOnerror: document.querySelectorAll('img[onerror], [onerror], [onload]').length,
    imgX: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src || (s.textContent ?? '').includes('owned'))
      .length,
    owned: (window as unknown as { __owned?: unknown }).__owned,
  }));
  expect(found).toEqual({ imgOnerror: 0, imgX: 0, scripts: 0, owned: undefined });
}

/** No sideways scroll for the whole page (a long unbroken string must wrap, not widen the page). */
async function expectNoPageOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'the page does not scroll sideways').toBeLessThanOrEqual(innerWidth);
}

/** The element is fully on screen horizontally, without scrolling sideways. */
async function expectHorizontallyVisible(page: Page, locator: ReturnType<Page['locator']>, what: string) {
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what}: left edge on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right edge on screen`).toBeLessThanOrEqual(width);
}

/** The inbox (100 rows a page) filtered to one work item by its id. */
async function rowById(page: Page, id: string) {
  await page.goto(`/inbox?size=100&q=${encodeURIComponent(id)}`);
  const row = page.getByTestId('list-row');
  await expect(row).toHaveCount(1);
  return row;
}

async function hostileItems(request: Parameters<typeof apiSession>[0], baseURL: string) {
  const alice = await apiSession(request, baseURL, 'alice.approver');
  const items = await alice.list();
  const find = (test: (w: ApiWorkItem) => boolean, what: string) => {
    const w = items.find(test);
    expect(w, what).toBeTruthy();
    return w!;
  };
  return {
    scripted: find((w) => (w.name ?? '').startsWith(SCRIPT) && w.type === 'Approval', 'the <script> approval'),
    rtl: find((w) => (w.name ?? '').startsWith(RTL_START), 'the RTL/emoji approval'),
    form: find((w) => (w.name ?? '') === `Account selection ${IMG}`, 'the hostile form'),
  };
}

test('the CSP of the app forbids inline script and inline event handlers', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
  expect(csp).toContain("object-src 'none'");
  // Even markup that got into the DOM could not run: an inline <script> and an onerror handler are blocked.
  // The browser says so (a securitypolicyviolation event for each), and the image's own events have fired by then,
  // so a handler that was allowed to run would have run.
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __inline?: number; __handler?: number };
    // Each blocked handler attribute reports on its own (onerror and onload may both), in any order against the
    // script's report: the directives are collected as a set.
    const blocked = new Set<string>();
    const bothBlocked = new Promise<void>((resolve) =>
      document.addEventListener('securitypolicyviolation', (event) => {
        blocked.add(event.effectiveDirective);
        if (blocked.has('script-src-attr') && blocked.has('script-src-elem')) resolve();
      }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.__handler = 1" onload="window.__handler = 1">';
    const image = holder.querySelector('img')!;
    const settled = new Promise((resolve) => {
      image.addEventListener('load', resolve);
      image.addEventListener('error', resolve);
    });
    document.body.append(holder);
    await Promise.all([bothBlocked, settled]);
    return { inline: w.__inline, handler: w.__handler, blocked: [...blocked].sort() };
  });
  expect(ran).toEqual({ inline: undefined, handler: undefined, blocked: ['script-src-attr', 'script-src-elem'] });
});

test("alice's hostile items render as text in the inbox and stay usable", async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const watched = watch(page);
  const { scripted, rtl, form } = await hostileItems(request, baseURL!);
  await signIn(page, 'Alice Approver');

  // The <script>/<img> work item: its name is the link's text, literally.
  let row = await rowById(page, scripted.id);
  const link = row.getByRole('link');
  await expect(link).toHaveText(scripted.name!);
  await expect(row.getByText(SCRIPT, { exact: false }).first()).toBeVisible();
  await expectHorizontallyVisible(page, row.getByRole('checkbox'), 'the row checkbox');
  await expectHorizontallyVisible(page, link, 'the name link');
  await expectNoPageOverflow(page);
  await expectNoInjection(page);
  await page.screenshot({ path: `${SHOTS}/hostile-inbox-script.png`, fullPage: true });

  // The RTL/emoji work item with a 5,900-character description: one line, cut with an ellipsis.
  row = await rowById(page, rtl.id);
  await expect(row.getByRole('link')).toContainText(RTL_START);
  await expect(row.getByRole('link')).toContainText(EMOJI);
  const rowBox = await row.boundingBox();
  expect(rowBox!.height, 'the long description does not make the row tall').toBeLessThan(160);
  await expectHorizontallyVisible(page, row.getByRole('checkbox'), 'the RTL row checkbox');
  await expectNoPageOverflow(page);
  await page.screenshot({ path: `${SHOTS}/hostile-inbox-rtl.png`, fullPage: true });

  row = await rowById(page, form.id);
  await expect(row.getByRole('link')).toHaveText(form.name!);
  await expectNoInjection(page);

  // All three in one view (the 100-row page, filtered to "<"): screenshot to look at.
  await page.goto('/inbox?q=%3C');
  await expect(page.getByRole('link', { name: scripted.name! })).toBeVisible();
  await expectNoPageOverflow(page);
  await expectNoInjection(page);
  expect(watched.dialogs, 'no alert/confirm/prompt fired').toEqual([]);
  expect(watched.errors, 'no page errors or CSP violations').toEqual([]);
});

test("the hostile item's detail page shows every field as text with the decisions on screen", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const watched = watch(page);
  const { scripted, rtl, form } = await hostileItems(request, baseURL!);
  await signIn(page, 'Alice Approver');

  await page.goto(`/work-items/${scripted.id}`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(scripted.name!);
  await expect(page).toHaveTitle(`${scripted.name} · Work Items Inbox`);
  // description: the <img> and the quotes/template/format strings, literally
  await expect(page.getByText(`${IMG} "'\`&amp;&lt;\${7*7}{{7*7}}%s%n`, { exact: false })).toBeVisible();
  const rows = page.getByTestId('approval-item-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole('cell').nth(0)).toHaveText(SCRIPT);
  await expect(rows.nth(0).getByRole('cell').nth(1)).toHaveText(IMG);
  // every decision button is on screen without scrolling sideways, even next to the 5,900-character values
  const approveButtons = page.getByRole('button', { name: /^Approve (?!all$)/ });
  const rejectButtons = page.getByRole('button', { name: /^Reject (?!all$)/ });
  await expect(approveButtons).toHaveCount(2);
  await expect(page.getByRole('button', { name: `Approve ${SCRIPT}: memberOf` })).toBeVisible();
  for (let i = 0; i < 2; i++) {
    await approveButtons.nth(i).scrollIntoViewIfNeeded();
    await expectHorizontallyVisible(page, approveButtons.nth(i), `approve button ${i + 1}`);
    await expectHorizontallyVisible(page, rejectButtons.nth(i), `reject button ${i + 1}`);
  }
  const tableScroll = await page
    .getByRole('table', { name: /Approval items/ })
    .evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
  expect(tableScroll, 'the approval table fits its box').toBeLessThanOrEqual(1);
  await expectHorizontallyVisible(page, page.getByRole('button', { name: 'Approve all' }), 'Approve all');
  await expectNoPageOverflow(page);
  await expectNoInjection(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/hostile-detail-script.png`, fullPage: true });

  // RTL, emoji, the long description and errors holding <script>.
  await page.goto(`/work-items/${rtl.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(rtl.name!);
  const errors = page.getByTestId('work-item-errors');
  await expect(errors).toContainText(SCRIPT);
  await expect(errors).toContainText(RTL_START);
  await expect(page.getByTestId('approval-item-row').getByRole('cell').nth(0)).toHaveText(/🔥🚀 Access ✅/);
  await expectHorizontallyVisible(page, page.getByRole('button', { name: /^Approve 🔥/ }), 'the RTL row approve');
  await expectNoPageOverflow(page);
  await expectNoInjection(page);
  await page.screenshot({ path: `${SHOTS}/hostile-detail-rtl.png`, fullPage: true });

  // The form whose labels, options and title are hostile.
  await page.goto(`/work-items/${form.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(form.name!);
  await expect(page.getByText(`${SCRIPT} Choose an account`).first()).toBeVisible();
  await expectNoPageOverflow(page);
  await expectNoInjection(page);
  await page.screenshot({ path: `${SHOTS}/hostile-detail-form.png`, fullPage: true });

  expect(watched.dialogs, 'no alert/confirm/prompt fired').toEqual([]);
  expect(watched.errors, 'no page errors or CSP violations').toEqual([]);
});
