import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { startTestServer, type TestServer } from '../server/test/server.ts';
import { SEARCH, wholeQueueLoaded } from './helpers.ts';

// A second server whose tokens live a few seconds (the session's absolute lifetime), and a third whose sessions
// end after a few seconds without a request (the idle timeout), serving the same production build.
const TTL_SECONDS = 12;
// Four times the 2 s between the "in use" reloads: a busy machine's slow reload must not look like idleness.
const IDLE_SECONDS = 8;
let server: TestServer;
let idleServer: TestServer;

test.beforeAll(async () => {
  const distDir = path.resolve(process.env.DIST_DIR ?? 'dist');
  server = await startTestServer({ SANDBOX_TOKEN_TTL: String(TTL_SECONDS), DIST_DIR: distDir });
  idleServer = await startTestServer({ SESSION_IDLE_TIMEOUT: String(IDLE_SECONDS), DIST_DIR: distDir });
});
test.afterAll(async () => {
  await server?.close();
  await idleServer?.close();
});

test('an expired session signs in again and comes back to the same page with the selection', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`${server.url}/inbox?size=50&sort=oldest`);
  await page.getByRole('button', { name: 'Sign in as Carol Approver' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/inbox\?size=50&sort=oldest$/);
  await wholeQueueLoaded(page);
  const selectedName = await page.getByTestId('list-row').nth(1).getByRole('link').textContent();
  await page.getByRole('checkbox', { name: `Select ${selectedName}` }).check();
  await expect(page.getByText('1 selected')).toBeVisible();

  // Let the token expire, then do something that asks the server: open the Completed list.
  await page.waitForTimeout((TTL_SECONDS + 1) * 1000);
  await page.getByRole('link', { name: 'Completed' }).click();
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await expect(page.getByText('Your session has expired')).toBeVisible();
  const returnTo = new URL(page.url()).searchParams.get('returnTo');
  expect(returnTo).toBe('/completed');

  // Back to the inbox state via history is not the point: the return is to the page the 401 happened on.
  await page.getByRole('button', { name: 'Sign in as Carol Approver' }).click();
  await expect(page.getByRole('heading', { name: 'Completed', level: 1 })).toBeVisible();

  // And the inbox still has its URL state and selection (kept in sessionStorage) after going back.
  await page.goBack();
  await expect(page).toHaveURL(/\/inbox\?size=50&sort=oldest$/);
  await expect(page.getByText('1 selected')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `Select ${selectedName}` })).toBeChecked();
});

test('a 401 on the inbox returns to the exact inbox URL after signing in', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`${server.url}/inbox`);
  await page.getByRole('button', { name: 'Sign in as Carol Approver' }).click();
  await expect(page.getByTestId('list-row').first()).toBeVisible();
  await page.getByRole('searchbox', { name: SEARCH }).fill('Access');
  await page.waitForTimeout((TTL_SECONDS + 1) * 1000);
  // filtering by type is local; a new list bound loads the list again from the server → 401
  await page.getByRole('combobox', { name: 'Type' }).selectOption('Approval');
  await page.getByRole('combobox', { name: 'Load up to' }).selectOption('5000');
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  const returnTo = new URL(page.url()).searchParams.get('returnTo')!;
  expect(returnTo).toContain('/inbox?');
  expect(returnTo).toContain('type=Approval');
  expect(returnTo).toContain('q=Access');
  await page.getByRole('button', { name: 'Sign in as Carol Approver' }).click();
  await expect(page).toHaveURL(new RegExp(`${returnTo.replace(/[?]/g, '\\?')}$`));
  await expect(page.getByRole('searchbox', { name: SEARCH })).toHaveValue('Access');
  await expect(page.getByRole('combobox', { name: 'Type' })).toHaveValue('Approval');
  await expect(page.getByTestId('list-row').first()).toBeVisible();
});

test('a session left unused past the idle timeout ends; one in use does not', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`${idleServer.url}/inbox`);
  await page.getByRole('button', { name: 'Sign in as Carol Approver' }).click();
  await expect(page.getByTestId('list-row').first()).toBeVisible();
  // in use: a request every 2 s (a reload asks the server for the session and the list) keeps it alive past
  // the idle timeout
  for (let i = 0; i < 5; i += 1) {
    await page.waitForTimeout(2000);
    const session = page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/session');
    await page.reload();
    expect((await session).status()).toBe(200);
    await expect(page.getByTestId('list-row').first()).toBeVisible();
  }
  // unused: the next request after a quiet spell is a 401, and the page asks to sign in again
  await page.waitForTimeout((IDLE_SECONDS + 1.5) * 1000);
  await page.getByRole('link', { name: 'Completed' }).click();
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await expect(page.getByText('Your session has expired')).toBeVisible();
  await page.getByRole('button', { name: 'Sign in as Carol Approver' }).click();
  await expect(page.getByRole('heading', { name: 'Completed', level: 1 })).toBeVisible();
});
