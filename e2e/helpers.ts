import { expect, type APIRequestContext, type Page, type Request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { WorkItem } from '../contract/work-items.ts';
import type { SessionView } from '../contract/session.ts';

/** Work items as the API returns them. */
export type ApiWorkItem = WorkItem;

/** Signs in through the sign-in page's demo identity button ("Sign in as Alice Approver"). */
export async function signIn(page: Page, name: string, startAt = '/inbox') {
  await page.goto(startAt);
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/**
 * Waits until the list holds every pending item of both kinds: until then rows from a later page (or the other
 * kind's API) can still land above the ones on screen, so "the second row" would name another item a moment later.
 */
export async function wholeQueueLoaded(page: Page) {
  await expect(page.getByTestId('queue-mode')).toBeVisible();
  await expect(page.getByTestId('queue-progress')).toHaveCount(0, { timeout: 30_000 });
}

/** A separate API session (its own cookie) for picking test data: `{identity}` sign-in as the sandbox allows. */
export async function apiSession(request: APIRequestContext, baseURL: string, alias: string) {
  const response = await request.post('/auth/session', {
    data: { identity: alias },
    headers: { 'X-Requested-With': 'XMLHttpRequest', Origin: baseURL },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  const session = (await response.json()) as SessionView;
  const list = async (): Promise<ApiWorkItem[]> => {
    const r = await request.get('/v3/work-items?limit=250&offset=0&count=true');
    expect(r.ok()).toBeTruthy();
    return (await r.json()) as ApiWorkItem[];
  };
  return { ...session, list };
}

/** Plain "Access request: N items for …" approval work items with `n` pending approval items (no odd seed names). */
export function plainApprovals(items: ApiWorkItem[], n?: number) {
  return items.filter(
    (w) =>
      w.type === 'Approval' &&
      /^Access request: \d+ items for [A-Za-z' ]+$/.test(w.name ?? '') &&
      (w.approvalItems ?? []).every((a) => !a.state || a.state === 'Pending') &&
      (n === undefined || (w.approvalItems ?? []).length === n),
  );
}

export function approvalLabel(a: { application?: string; name?: string | null }) {
  return `${a.application}: ${a.name}`;
}

/** axe on the current page: no serious or critical violations. */
export async function expectNoSeriousA11yViolations(page: Page, what: string) {
  // colours read mid-transition (a button just enabled fades in over 250 ms) are not the page's: let them end
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  // two copies of playwright-core are installed; the page is the same object
  const results = await new AxeBuilder({
    page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'],
  }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 100)} ${(n.failureSummary ?? '').split('\n').pop()}`)
        .slice(0, 5)
        .join('\n  ')}`,
  );
  expect(summary, `${what}: axe violations`).toEqual([]);
}

/**
 * Every visible button (and link styled as one) is at least 44 × 44. The open/clear buttons inside a text field
 * are part of that field (itself taller than 44 with its label) and are left out.
 */
export async function expectTouchTargets(page: Page, what: string) {
  const small = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, [role="button"], a.MuiButton-root')) {
      if (el.closest('.MuiInputBase-root')) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      if (r.height < 44 || r.width < 44) {
        out.push(`${el.getAttribute('aria-label') || el.textContent?.trim() || el.tagName} (${r.width}×${r.height})`);
      }
    }
    return out;
  });
  expect(small, `${what}: buttons under 44 × 44 px`).toEqual([]);
}

/** The list's search box (it searches the whole list, every field, ids included). */
export const SEARCH = 'Search the list';

/** Filters the list to one work item by its id. */
export async function rowById(page: Page, id: string) {
  await page.getByRole('searchbox', { name: SEARCH }).fill(id);
  // Wait for this id's row, not just "one row": right after typing, the previous filter's single row is still shown.
  const rows = page.getByTestId('list-row');
  const row = rows.filter({ has: page.locator(`a[href*="/work-items/${id}"]`) });
  await expect(row).toHaveCount(1);
  await expect(rows).toHaveCount(1);
  return row;
}

/**
 * Every request the page sends from now on. A claim that something did not happen (no second POST, no POST at
 * all while offline) is checked after `settled()`: it waits until the page has no request in flight and has
 * started none for `quietMs`, so a late or duplicate request restarts the wait and is counted instead of being
 * missed. `check`, when given, runs at every poll (every 50 ms) until then: something shown for a moment fails too.
 */
export function watchRequests(page: Page) {
  const sent: { method: string; path: string }[] = [];
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  page.on('request', (r) => {
    sent.push({ method: r.method(), path: new URL(r.url()).pathname });
    inFlight.add(r);
    lastActivity = Date.now();
  });
  const ended = (r: Request) => {
    inFlight.delete(r);
    lastActivity = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  // A page load abandons the previous document's requests without an event for them: they are no longer the app's.
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) inFlight.clear();
  });
  return {
    /** Paths of the POSTs sent to the work-items API, in order. */
    posts: () => sent.filter((r) => r.method === 'POST' && r.path.startsWith('/v3/work-items/')).map((r) => r.path),
    /** How many POSTs went to `path` (or matched it). */
    postsTo: (path: string | RegExp) =>
      sent.filter((r) => r.method === 'POST' && (typeof path === 'string' ? r.path === path : path.test(r.path)))
        .length,
    /**
     * `waitForInFlight: false` while the browser is offline: requests sent before it went offline may hang until it
     * is back, and only new ones matter then.
     */
    async settled({
      quietMs = 1_500,
      deadlineMs = 20_000,
      waitForInFlight = true,
      check,
    }: { quietMs?: number; deadlineMs?: number; waitForInFlight?: boolean; check?: () => Promise<void> } = {}) {
      const deadline = Date.now() + deadlineMs;
      for (;;) {
        await check?.();
        if ((!waitForInFlight || inFlight.size === 0) && Date.now() - lastActivity >= quietMs) return;
        if (Date.now() > deadline) {
          const open = [...inFlight].map((r) => `${r.method()} ${r.url()}`).join(', ');
          throw new Error(`the page did not settle within ${deadlineMs} ms (still in flight: ${open || 'none'})`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

// ---- fault injection through the admin-only /sandbox/faults endpoint (ada's bearer token) ----

// per request context: each server (the shared sandbox, the queue specs' own) signs its own tokens
const adminTokens = new WeakMap<APIRequestContext, string>();

async function adminToken(request: APIRequestContext): Promise<string> {
  const known = adminTokens.get(request);
  if (known) return known;
  const response = await request.post('/oauth/token', {
    form: { grant_type: 'client_credentials', client_id: 'ada.admin', client_secret: 'sandbox-secret' },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  const token = ((await response.json()) as { access_token: string }).access_token;
  adminTokens.set(request, token);
  return token;
}

export interface FaultList {
  spec: string;
  rules: { method?: string; path: string; hits: number; remaining?: number }[];
}

export async function setFaults(request: APIRequestContext, spec: string): Promise<FaultList> {
  const response = await request.put('/sandbox/faults', {
    data: { spec },
    headers: { Authorization: `Bearer ${await adminToken(request)}` },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  return (await response.json()) as FaultList;
}

export async function getFaults(request: APIRequestContext): Promise<FaultList> {
  const response = await request.get('/sandbox/faults', {
    headers: { Authorization: `Bearer ${await adminToken(request)}` },
  });
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as FaultList;
}

export async function clearFaults(request: APIRequestContext) {
  const response = await request.delete('/sandbox/faults', {
    headers: { Authorization: `Bearer ${await adminToken(request)}` },
  });
  expect(response.status()).toBe(204);
}

/** Every decision POST the page sends, by path (`/v3/work-items/...`); `settled()` before a count that claims "no more". */
export function countPosts(page: Page) {
  const requests = watchRequests(page);
  return {
    all: requests.posts,
    to: (path: string) => requests.postsTo(path),
    settled: requests.settled,
  };
}
