// A decision the user saw made is never lost and never sent as someone else. Each test makes a single decision
// (held five seconds for Undo), checks through the API that it has NOT been sent yet, and then ends the page the
// hard way — the browser process killed, a sign-out and another identity, the network gone and the page closed,
// the session ended elsewhere, a second tab, a 429 — and checks through the API that the decision reached the
// server exactly as made, by the identity that made it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { CompletedApproval, PendingApproval } from '../contract/access-requests.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.ts';
import { apiSession, clearFaults, setFaults, SEARCH } from './helpers.ts';

const AR = '/v3/access-request-approvals';
const SENT_FROM_LAST_VISIT = /1 decision from your last visit was sent/;

/** Alice's pending access requests that take an approval without a comment, none used by another test here. */
const used = new Set<string>();
async function freeApproval(request: APIRequestContext, baseURL: string): Promise<PendingApproval> {
  await apiSession(request, baseURL, 'alice.approver');
  const r = await request.get(`${AR}/pending?owner-id=me&limit=250&offset=0`);
  expect(r.ok()).toBeTruthy();
  const free = ((await r.json()) as PendingApproval[]).find(
    (a) => !a.actionInProcess && !used.has(a.id) && !/[<>"]/.test(a.requestedObject?.name ?? ''),
  );
  expect(free, 'a pending access request of alice').toBeTruthy();
  used.add(free!.id);
  return free!;
}

/** The approval as the API has it now: still pending (undefined) or completed, with who decided. */
async function completed(request: APIRequestContext, baseURL: string, id: string) {
  // as ada (an admin sees every owner's completed approvals), in a session of the API context only
  await apiSession(request, baseURL, 'ada.admin');
  const filters = encodeURIComponent(`id eq "${id}"`);
  const r = await request.get(`${AR}/completed?filters=${filters}`);
  expect(r.ok(), await r.text()).toBeTruthy();
  return ((await r.json()) as CompletedApproval[])[0];
}

const ALICE_ID = async (request: APIRequestContext, baseURL: string) =>
  (await apiSession(request, baseURL, 'alice.approver')).identityId;

async function signInAs(page: Page, name: string) {
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Finds the approval in the inbox and approves it with `a`; resolves once the page shows it as made. */
async function approveInList(page: Page, approval: PendingApproval) {
  await page.getByRole('searchbox', { name: SEARCH }).fill(approval.id);
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  await page.getByRole('heading', { name: 'Inbox', level: 1 }).click();
  await page.keyboard.press('j');
  await page.keyboard.press('a');
  const name = approval.requestedObject?.name ?? approval.name ?? approval.id;
  await expect(page.getByRole('alert').filter({ hasText: `Approved “${name}”` })).toBeVisible();
}

/** Loads the decisions' code (made, then undone: nothing is sent), as a page that decided once before has it. */
async function warmUp(page: Page, approval: PendingApproval) {
  await approveInList(page, approval);
  await page.keyboard.press('z');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was sent' })).toBeVisible();
}

/** Chromium on a profile folder of its own, driven over CDP, so the test can kill its process like a crash. */
async function launchWithProfile(profile: string): Promise<{ browser: Browser; process: ChildProcess }> {
  const executable = chromiumExecutable();
  if (!executable)
    throw new Error('These tests need a Chromium executable (Debian: apt-get install chromium-headless-shell).');
  const child = spawn(
    executable,
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--no-sandbox',
      ...CHROMIUM_ARGS,
      'about:blank',
    ],
    // its own process group: a kill takes the browser with every process it started, as a crash of the whole app
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`chromium exited with ${code}: ${text}`)));
  });
  return { browser: await chromium.connectOverCDP(wsUrl), process: child };
}

/**
 * SIGKILL to the browser and every process it started; resolves once none of them is left (or after 5 s: a killed
 * process whose new parent does not reap it stays listed, but it runs no more).
 */
async function killBrowser(child: ChildProcess): Promise<void> {
  const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
  const group = -child.pid!;
  try {
    process.kill(group, 'SIGKILL');
  } catch {
    // already gone
  }
  await exited;
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(group, 0);
    } catch {
      return; // no process of the group is left
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function firstPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = browser.contexts()[0]!;
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

test('the browser killed within the hold: the next visit sends the decision and says so', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const approval = await freeApproval(request, baseURL!);
  const aliceId = await ALICE_ID(request, baseURL!);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wii-profile-'));
  try {
    const first = await launchWithProfile(profile);
    const { page } = await firstPage(first.browser);
    await page.goto(`${baseURL}/inbox`);
    await signInAs(page, 'Alice Approver');
    await approveInList(page, approval);
    // still held (nothing sent) when the browser dies
    expect(await completed(request, baseURL!, approval.id)).toBeUndefined();
    await killBrowser(first.process);
    expect(await completed(request, baseURL!, approval.id)).toBeUndefined();

    const second = await launchWithProfile(profile);
    try {
      const again = await firstPage(second.browser);
      await again.page.goto(`${baseURL}/inbox`);
      // the session cookie may have outlived the crash (Chromium restores it) or not
      const signInButton = again.page.getByRole('button', { name: 'Sign in as Alice Approver' });
      await expect(signInButton.or(again.page.getByRole('button', { name: 'Sign out' }))).toBeVisible();
      if (await signInButton.isVisible()) await signInAs(again.page, 'Alice Approver');
      await expect(again.page.getByText(SENT_FROM_LAST_VISIT)).toBeVisible({ timeout: 20_000 });
      const decided = await completed(request, baseURL!, approval.id);
      expect(decided?.state).toBe('APPROVED');
      expect(decided?.reviewedBy?.id).toBe(aliceId);
    } finally {
      await killBrowser(second.process);
    }
  } finally {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
});

for (const next of ['Bob Approver', 'Ada Admin']) {
  test(`signing out within the hold, then ${next} signs in: the decision is alice's, never sent in ${next}'s session`, async ({
    page,
    request,
    baseURL,
  }) => {
    const approval = await freeApproval(request, baseURL!);
    const aliceId = await ALICE_ID(request, baseURL!);
    // whose decision each send says it is
    const actors: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`${AR}/${approval.id}/approve`)) {
        actors.push(r.headers()['x-acting-identity']);
      }
    });
    await page.goto('/inbox');
    await signInAs(page, 'Alice Approver');
    await approveInList(page, approval);
    expect(await completed(request, baseURL!, approval.id)).toBeUndefined();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, next);
    await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
    const decided = await completed(request, baseURL!, approval.id);
    expect(decided?.state).toBe('APPROVED');
    expect(decided?.reviewedBy?.id).toBe(aliceId);
    expect(actors).toEqual([aliceId]);
  });
}

test('made offline, the page closed, back online and reopened: sent', async ({ page, context, request, baseURL }) => {
  const [warm, approval] = [await freeApproval(request, baseURL!), await freeApproval(request, baseURL!)];
  await page.goto('/inbox');
  await signInAs(page, 'Alice Approver');
  await warmUp(page, warm);
  await context.setOffline(true);
  await approveInList(page, approval);
  await expect(page.getByText(/1 decision waiting to be sent: they will be sent when you are back online/)).toBeVisible(
    { timeout: 10_000 },
  );
  await page.close();
  expect(await completed(request, baseURL!, approval.id)).toBeUndefined();

  await context.setOffline(false);
  const reopened = await context.newPage();
  await reopened.goto('/inbox');
  await expect(reopened.getByText(SENT_FROM_LAST_VISIT)).toBeVisible({ timeout: 20_000 });
  expect((await completed(request, baseURL!, approval.id))?.state).toBe('APPROVED');
});

test('the session ended elsewhere within the hold: kept, and sent once alice signs in again', async ({
  page,
  request,
  baseURL,
}) => {
  const approval = await freeApproval(request, baseURL!);
  await page.goto('/inbox');
  await signInAs(page, 'Alice Approver');
  await approveInList(page, approval);
  // the same cookie, signed out from "another tab"
  const ended = await page.request.delete('/auth/session', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  expect(ended.status()).toBe(204);
  await expect(page).toHaveURL(/\/sign-in/, { timeout: 20_000 });
  expect(await completed(request, baseURL!, approval.id)).toBeUndefined();
  await signInAs(page, 'Alice Approver');
  await expect
    .poll(async () => (await completed(request, baseURL!, approval.id))?.state, { timeout: 20_000 })
    .toBe('APPROVED');
});

test('two tabs: the decision is sent once, and the other tab leaves the row out meanwhile', async ({
  context,
  request,
  baseURL,
}) => {
  const approval = await freeApproval(request, baseURL!);
  const posts: string[] = [];
  context.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes(`${AR}/${approval.id}/`)) posts.push(r.url());
  });
  const one = await context.newPage();
  await one.goto('/inbox');
  await signInAs(one, 'Alice Approver');
  const two = await context.newPage();
  await two.goto('/inbox');
  await two.getByRole('searchbox', { name: SEARCH }).fill(approval.id);
  await expect(two.getByTestId('list-row')).toHaveCount(1);
  await approveInList(one, approval);
  await expect(two.getByTestId('list-row')).toHaveCount(0);
  await expect
    .poll(async () => (await completed(request, baseURL!, approval.id))?.state, { timeout: 20_000 })
    .toBe('APPROVED');
  // both tabs have seen the outbox empty: nothing is left that either could send again
  const stored = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('wii-outbox');
          open.onsuccess = () => {
            const count = open.result.transaction('entries').objectStore('entries').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
  await expect.poll(() => stored(one)).toBe(0);
  await expect.poll(() => stored(two)).toBe(0);
  expect(posts).toHaveLength(1);
});

test('a 429 on the send: kept, and sent after Retry-After', async ({ page, request, baseURL }) => {
  const approval = await freeApproval(request, baseURL!);
  const answers: { status: number; at: number }[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith(`${AR}/${approval.id}/approve`)) answers.push({ status: r.status(), at: Date.now() });
  });
  await page.goto('/inbox');
  await signInAs(page, 'Alice Approver');
  await setFaults(request, `POST ${AR}/${approval.id}/approve=status:429,retry-after:2,count:1`);
  try {
    await approveInList(page, approval);
    await expect
      .poll(async () => (await completed(request, baseURL!, approval.id))?.state, { timeout: 20_000 })
      .toBe('APPROVED');
    expect(answers.map((a) => a.status)).toEqual([429, 202]);
    expect(answers[1].at - answers[0].at).toBeGreaterThanOrEqual(1_900);
  } finally {
    await clearFaults(request);
  }
});
