// The inbox's first rows are in the HTML as the server delivers it (server/plugins/first-screen.ts): with JavaScript
// off they are there — names, ages, links that open the item — hostile names stay text, the rows are the signed-in
// identity's only and the answer is never stored by a cache; with JavaScript on, the app takes over without a single
// layout shift and with the same rows in the same order.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { ALICE } from '../server/sandbox/identities.ts';
import type { PendingApproval } from '../contract/access-requests.ts';
import { pickLocalized } from '../contract/generic-approval-rules.ts';
import type { Approval } from '../contract/generic-approvals.ts';
import type { WorkItem } from '../contract/work-items.ts';

// A server of this file's own (any seedScale gets one): it adds a work item to alice's inbox.
test.use({ seedScale: 1 });

const SCRIPT = '<script>alert("owned")</script>';
const IMG = '<img src=x onerror="alert(document.cookie)">';
const HOSTILE_NAME = `${SCRIPT} Sign-off ${IMG}`;
const XHR = (baseURL: string) => ({ 'X-Requested-With': 'XMLHttpRequest', Origin: baseURL });

async function signInAs(request: APIRequestContext, baseURL: string, identity: string) {
  const response = await request.post('/auth/session', { data: { identity }, headers: XHR(baseURL) });
  expect(response.ok(), await response.text()).toBe(true);
}

/** The newest rows of the signed-in identity, every kind, as its own API answers them (names and ids). */
async function newestRows(request: APIRequestContext, n: number) {
  const items = (await (await request.get('/v3/work-items?limit=250&offset=0&count=true')).json()) as WorkItem[];
  const approvals = (await (
    await request.get('/v3/access-request-approvals/pending?owner-id=me&limit=250&offset=0&count=true')
  ).json()) as PendingApproval[];
  const pendingFilter = encodeURIComponent('status eq "PENDING"');
  const generic = (await (
    await request.get(`/v2025/generic-approvals?mine=true&limit=250&offset=0&filters=${pendingFilter}`)
  ).json()) as Approval[];
  return [
    ...items.map((w) => ({ id: w.id, name: w.name || w.description || w.id, created: Date.parse(w.created ?? '') })),
    ...approvals.map((a) => ({
      id: a.id,
      name: a.requestedObject?.name || a.name || a.id,
      created: Date.parse(a.created ?? ''),
    })),
    ...generic.map((a) => ({
      id: a.id,
      // the browser here reads English (Playwright's default locale, en-US)
      name: pickLocalized(a.name, ['en-US'])?.trim() || a.id,
      created: Date.parse(a.createdDate ?? ''),
    })),
  ]
    .sort((a, b) => b.created - a.created)
    .slice(0, n);
}

/** The server's rows as the page shows them: id, link text, link target, age text. */
function serverRows(page: Page) {
  return page.getByTestId('first-row').evaluateAll((rows) =>
    rows.map((row) => {
      const link = row.querySelector('a')!;
      return {
        id: row.getAttribute('data-row-id'),
        name: link.textContent,
        href: link.getAttribute('href'),
        age: row.querySelector('td.age')?.textContent ?? '',
      };
    }),
  );
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test("the HTML holds the signed-in identity's first rows, hostile names as text, never stored", async ({
    page,
    request,
    baseURL,
  }) => {
    // a new work item for alice whose name is markup (made by an admin: the sandbox's manual task)
    await signInAs(request, baseURL!, 'ada.admin');
    const made = await request.post('/sandbox/manual-tasks', {
      data: { ownerId: ALICE.id, name: HOSTILE_NAME, description: IMG },
      headers: XHR(baseURL!),
    });
    expect(made.status(), await made.text()).toBe(201);
    const hostile = (await made.json()) as WorkItem;
    expect(hostile.ownerId).toBe(ALICE.id);

    await signInAs(page.request, baseURL!, 'alice.approver');
    const answer = await page.goto('/inbox');
    expect(answer!.status()).toBe(200);
    expect(answer!.headers()['cache-control']).toBe('no-store');
    const html = await answer!.text();
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain(IMG);
    expect(html).toContain('&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; Sign-off &lt;img src=x onerror=');

    const rows = await serverRows(page);
    const expected = await newestRows(page.request, rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(rows.map((r) => r.name)).toEqual(expected.map((r) => r.name));
    for (const row of rows) {
      expect(row.href).toMatch(/^\/(work-items|access-requests|approvals)\/[0-9a-f-]+$/);
      expect(row.age).toMatch(/^(just now|\d+ h|[\d,]+ days?)/);
    }
    // the newest is the hostile one: its name is text, nothing of it became an element
    expect(rows[0]).toMatchObject({ id: hostile.id, name: HOSTILE_NAME, age: 'just now' });
    expect(await page.locator('img, [onerror], [onload]').count()).toBe(0);
    expect(await page.locator('script:not([src]):not([type="application/json"])').count()).toBe(0);

    // a row is a link that works before (here: without) any script
    await page.getByRole('link', { name: HOSTILE_NAME }).click();
    await expect(page).toHaveURL(new RegExp(`/work-items/${hostile.id}$`));
  });

  test("after alice, bob on the same browser gets bob's rows only", async ({ page, baseURL }) => {
    await signInAs(page.request, baseURL!, 'alice.approver');
    await page.goto('/inbox');
    const alices = (await serverRows(page)).map((r) => r.id);
    expect(alices.length).toBeGreaterThan(0);

    await signInAs(page.request, baseURL!, 'bob.approver');
    const answer = await page.goto('/inbox');
    expect(answer!.headers()['cache-control']).toBe('no-store');
    const bobs = await serverRows(page);
    expect(bobs.length).toBeGreaterThan(0);
    expect(bobs.map((r) => r.id)).toEqual((await newestRows(page.request, bobs.length)).map((r) => r.id));
    expect(bobs.filter((r) => alices.includes(r.id!))).toEqual([]);
    await expect(page.getByText('Bob Approver', { exact: true }).first()).toBeVisible();

    // signed out: no rows at all
    await page.context().clearCookies();
    await page.goto('/inbox');
    await expect(page.getByTestId('first-row')).toHaveCount(0);
  });
});

// From navigation until the app has loaded the whole list: every layout shift the page reports.
const SHIFTS = `window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    // what moved, from where to where: a failure names the element
    const moved = (e.sources || []).map((s) => ({
      node: s.node ? (s.node.outerHTML || s.node.textContent || '').slice(0, 200) : null,
      from: JSON.stringify(s.previousRect),
      to: JSON.stringify(s.currentRect),
    }));
    window.__shifts.push({ at: Math.round(e.startTime), value: e.value, moved });
  }
}).observe({ type: 'layout-shift', buffered: true });`;

for (const [what, viewport] of [
  ['a desktop', { width: 1280, height: 900 }],
  ['a phone', { width: 390, height: 844 }],
] as const) {
  test(`on ${what}, the app takes over the server's rows with no layout shift and the same rows`, async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(SHIFTS);
    // a phone's cards are a chunk of their own: slow it down, so the lists' answers are in long before it is
    if (viewport.width < 600) {
      await page.route(/\/assets\/QueueCard-[\w-]+\.js$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      });
    }
    await signInAs(page.request, baseURL!, 'alice.approver');
    const answer = await page.goto('/inbox');
    expect(await answer!.text()).toContain('data-testid="first-row"');
    const names = (await newestRows(page.request, 8)).map((r) => r.name);

    // the app's own list, the server's screen gone, the whole queue in
    await expect(page.locator('[data-first-screen]')).toHaveCount(0);
    await expect(page.getByTestId('queue-mode')).toBeVisible();
    await expect(page.getByTestId('queue-progress')).toHaveCount(0);
    const appNames = await page
      .getByTestId('list-row')
      .evaluateAll((rows, n) => rows.slice(0, n).map((r) => r.querySelector('a')?.textContent), names.length);
    expect(appNames).toEqual(names);
    // two frames more: a shift caused by the last render would be reported by then
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts);
    expect(shifts).toEqual([]);
  });
}
