// Account-selection forms, against the production build and a fresh sandbox: alice fills in her form
// items; the page checks what the server checks before sending, a refused submit keeps every value, and an expired
// session comes back to the form with the values in place. Each test uses its own form item, picked by its title.
import fs from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import AxeBuilder from '@axe-core/playwright';
import { apiSession, SEARCH, signIn, watchRequests, type ApiWorkItem } from './helpers.ts';
import type { AllowedValue, FieldDetails, FormDetails, SectionDetails } from '../contract/work-items.ts';

type Option = AllowedValue;
type FormItem = ApiWorkItem & { form: FormDetails };

/** The choices of the first field of a form section. */
const choicesOf = (section: SectionDetails | undefined): Option[] =>
  ((section?.formItems?.[0] as FieldDetails | undefined)?.allowedValuesList ?? []) as Option[];

const SCREENSHOTS = 'test-results/screenshots';
const SUBMIT_PATH = /\/v3\/work-items\/[^/]+\/submit-account-selection$/;

/** Alice's pending form item with this title (and subtitle, where two share a title). */
async function formItem(
  request: Parameters<typeof apiSession>[0],
  baseURL: string,
  title: string,
  subtitle?: string,
): Promise<FormItem> {
  const alice = await apiSession(request, baseURL, 'alice.approver');
  const items = (await alice.list()) as FormItem[];
  const item = items.find(
    (w) => w.form?.title === title && (subtitle === undefined || w.form.subtitle === subtitle) && w.state === 'Pending',
  );
  expect(item, `a pending form item "${title}"`).toBeTruthy();
  return item!;
}

const labelOf = (o: Option) => o.label || o.value;

/** Counts the submit-account-selection requests the page sends (after the page has settled: none missed). */
function countSubmits(page: Page) {
  const requests = watchRequests(page);
  return {
    count: async () => {
      await requests.settled();
      return requests.postsTo(SUBMIT_PATH);
    },
  };
}

/** The list page (searched for the item's id) and the item's row on it. */
async function rowOf(page: Page, list: '/inbox' | '/completed', id: string) {
  await page.goto(list);
  await page.getByRole('searchbox', { name: SEARCH }).fill(id);
  const row = page.getByTestId('list-row');
  await expect(row).toHaveCount(1);
  return row;
}

/** axe on the form panel: no serious or critical violations. */
async function expectAccessibleForm(page: Page, what: string) {
  // two copies of playwright-core are installed; the page is the same object
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] })
    .include('section[aria-labelledby^="form-heading-"]')
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `${what}: axe violations`).toEqual([]);
}

async function openFromInbox(page: Page, item: ApiWorkItem) {
  const row = await rowOf(page, '/inbox', item.id);
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: item.name! })).toBeVisible();
}

async function setTheme(page: Page, mode: 'light' | 'dark') {
  const toggle = page.getByRole('button', { name: /^Theme:/ });
  for (let i = 0; i < 3 && !(await toggle.getAttribute('aria-label'))?.startsWith(`Theme: ${mode}`); i++) {
    await toggle.click();
  }
  await expect(toggle).toHaveAttribute('aria-label', new RegExp(`^Theme: ${mode}`));
}

test('alice is told which fields are missing before anything is sent, then submits two sections', async ({
  page,
  request,
  baseURL,
}) => {
  const item = await formItem(request, baseURL!, 'Choose accounts on two sources');
  const [salesforce, github] = (item.form.sections ?? []).map(choicesOf);
  const submits = countSubmits(page);
  await signIn(page, 'Alice Approver');
  await openFromInbox(page, item);
  await expect(page.getByRole('heading', { level: 2, name: 'Choose accounts on two sources' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Salesforce', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'GitHub', exact: true })).toBeVisible();

  // Empty: every missing field is named, the first one has the focus, nothing is sent.
  await page.getByRole('button', { name: 'Submit selection' }).click();
  const summary = page.getByTestId('form-error-summary');
  await expect(summary).toContainText('3 fields need attention');
  await expect(page.getByText('Salesforce account is required').first()).toBeVisible();
  await expect(page.getByText('GitHub account is required').first()).toBeVisible();
  await expect(page.getByText('Change ticket number is required').first()).toBeVisible();
  await expect(page.getByRole('radio', { name: labelOf(salesforce[0]) })).toBeFocused();
  expect(await submits.count()).toBe(0);

  await page.getByRole('radio', { name: labelOf(salesforce[1]) }).check();
  await page.getByRole('radio', { name: labelOf(github[0]) }).check();
  await page.getByRole('textbox', { name: 'Change ticket number' }).fill('CHG-2041');
  await page.getByRole('checkbox', { name: 'Notify the user by email' }).uncheck();

  // Leaving with unsaved input asks first: an in-app link, and the browser's Back button too.
  await page.getByRole('link', { name: '← Back to the inbox' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave this form?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/work-items/${item.id}`));
  await page.goBack();
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/work-items/${item.id}`));
  await expect(page.getByRole('radio', { name: labelOf(salesforce[1]) })).toBeChecked();
  // Back again, and this time leave: the inbox; Forward brings the form back with the draft in place.
  await page.goBack();
  await leave.getByRole('button', { name: 'Leave' }).click();
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByRole('radio', { name: labelOf(salesforce[1]) })).toBeChecked();
  await expect(page.getByRole('radio', { name: labelOf(github[0]) })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Change ticket number' })).toHaveValue('CHG-2041');
  await expect(page.getByRole('checkbox', { name: 'Notify the user by email' })).not.toBeChecked();
  expect(await submits.count()).toBe(0);

  const response = page.waitForResponse((r) => SUBMIT_PATH.test(new URL(r.url()).pathname));
  await page.getByRole('button', { name: 'Submit selection' }).click();
  expect((await response).status()).toBe(200);
  expect(await submits.count()).toBe(1);
  const submitted = page.getByTestId('submitted-selection');
  await expect(submitted).toContainText(labelOf(salesforce[1]));
  await expect(submitted).toContainText(labelOf(github[0]));
  await expect(submitted).toContainText('CHG-2041');
  await expect(page.getByText(/This work item is completed/)).toBeVisible();
});

test('alice finds one of 40 accounts by typing part of its name, and sees her selection under Completed', async ({
  page,
  request,
  baseURL,
}) => {
  const item = await formItem(request, baseURL!, 'Choose an account', 'Workday: Payroll Viewer');
  const options = choicesOf(item.form.sections?.[0]);
  expect(options).toHaveLength(40);
  const wanted = options[26];
  await signIn(page, 'Alice Approver');
  await page.goto(`/work-items/${item.id}`);

  const combo = page.getByRole('combobox', { name: 'Workday account' });
  await combo.click();
  await combo.pressSequentially(wanted.value.slice(-9)); // part of the account, e.g. "oconnor27"
  const listbox = page.getByRole('listbox');
  await expect(listbox.getByRole('option')).toHaveCount(1);
  await listbox.getByRole('option', { name: labelOf(wanted) }).click();
  await expect(combo).toHaveValue(labelOf(wanted));

  await page.getByRole('button', { name: 'Submit selection' }).click();
  await expect(page.getByTestId('submitted-selection')).toContainText(labelOf(wanted));

  await page.getByRole('link', { name: 'Completed' }).click();
  await expect(page.getByRole('heading', { name: 'Completed', level: 1 })).toBeVisible();
  const row = await rowOf(page, '/completed', item.id);
  await expect(row).toContainText('Completed');
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: item.name! })).toBeVisible();
  await expect(page.getByTestId('submitted-selection')).toContainText(labelOf(wanted));
  await expect(page.getByRole('button', { name: 'Submit selection' })).toHaveCount(0);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/form-completed.png`, fullPage: true });
});

test('a submit the server refuses keeps every value; the form page has no serious axe violations', async ({
  page,
  request,
  baseURL,
}) => {
  const item = await formItem(request, baseURL!, 'Choose an account and a schedule');
  const accounts = choicesOf(item.form.sections?.[0]);
  const submits = countSubmits(page);
  await signIn(page, 'Alice Approver');
  await page.goto(`/work-items/${item.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Choose an account and a schedule' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Schedule' })).toBeVisible();
  // the unknown displayType is a text field with its raw value
  await expect(page.getByRole('textbox', { name: 'Badge colour' })).toHaveValue('#3366ff');

  await expectAccessibleForm(page, 'form page');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await setTheme(page, 'light');
  await page.screenshot({ path: `${SCREENSHOTS}/form-light.png`, fullPage: true });

  // Fill every field.
  await page.getByRole('radio', { name: labelOf(accounts[2]) }).check();
  await page.getByLabel('Start date').fill('2026-04-01');
  await page.getByLabel('End date').fill('2026-06-30');
  await page.getByRole('textbox', { name: 'Notes for the service desk' }).fill('Needs VPN before the trip.\nThanks!');
  await page.getByRole('textbox', { name: 'Badge colour' }).fill('#00aa88');
  const expectValuesKept = async () => {
    await expect(page.getByRole('radio', { name: labelOf(accounts[2]) })).toBeChecked();
    await expect(page.getByLabel('Start date')).toHaveValue('2026-04-01');
    await expect(page.getByLabel('End date')).toHaveValue('2026-06-30');
    await expect(page.getByRole('textbox', { name: 'Notes for the service desk' })).toHaveValue(
      'Needs VPN before the trip.\nThanks!',
    );
    await expect(page.getByRole('textbox', { name: 'Badge colour' })).toHaveValue('#00aa88');
  };

  // 1. A 400 for a field (the real server can't be made to refuse this valid form: the page checks what it
  //    checks): shown on that field, every value kept.
  await page.route(SUBMIT_PATH, (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        detailCode: '400.1 Bad request content',
        trackingId: 'e2e-refused-0001',
        messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: 'The account selection is invalid.' }],
        causes: [{ text: 'startDate: "Start date" must be on a working day' }],
      }),
    }),
  );
  await page.getByRole('button', { name: 'Submit selection' }).click();
  await expect(page.getByText('"Start date" must be on a working day').first()).toBeVisible();
  await expect(page.getByLabel('Start date')).toBeFocused();
  await expect(page.getByTestId('error-tracking-id')).toHaveText('e2e-refused-0001');
  await expectValuesKept();
  expect(await submits.count()).toBe(1);
  await page.unroute(SUBMIT_PATH);

  await setTheme(page, 'dark');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/form-dark-refused.png`, fullPage: true });
  await expectAccessibleForm(page, 'form page (dark, with errors)');
  await setTheme(page, 'light');

  // 2. A real refusal from the server: the item was answered meanwhile (another tab: alice's API session).
  const answered = await request.post(`/v3/work-items/${item.id}/submit-account-selection`, {
    data: { adAccount: accounts[0].value, startDate: '2026-01-05' },
    headers: { 'X-Requested-With': 'XMLHttpRequest', Origin: baseURL! },
  });
  expect(answered.status(), await answered.text()).toBe(200);
  const refused = page.waitForResponse((r) => SUBMIT_PATH.test(new URL(r.url()).pathname));
  await page.getByRole('button', { name: 'Submit selection' }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.getByText(/already completed/).first()).toBeVisible();
  await expect(page.getByTestId('error-tracking-id')).toBeVisible();
  await expectValuesKept();
});

test('a session that expires mid-form comes back to the form with the values in place', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  const item = await formItem(request, baseURL!, 'Choose an account', 'Active Directory: CN=Payroll-Approvers');
  const accounts = choicesOf(item.form.sections?.[0]);
  expect(accounts).toHaveLength(2);
  await signIn(page, 'Alice Approver');
  await page.goto(`/work-items/${item.id}`);
  await page.getByRole('radio', { name: labelOf(accounts[1]) }).check();

  await context.clearCookies();
  const expired = page.waitForResponse((r) => SUBMIT_PATH.test(new URL(r.url()).pathname));
  await page.getByRole('button', { name: 'Submit selection' }).click();
  expect((await expired).status()).toBe(401);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);

  await page.getByRole('button', { name: 'Sign in as Alice Approver' }).click();
  await expect(page).toHaveURL(new RegExp(`/work-items/${item.id}`));
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByRole('radio', { name: labelOf(accounts[1]) })).toBeChecked();

  await page.getByRole('button', { name: 'Submit selection' }).click();
  await expect(page.getByTestId('submitted-selection')).toContainText(labelOf(accounts[1]));
  // submitted: the draft is gone (removed once the submit's call has settled, which includes the refetch that may
  // show the submitted selection a moment earlier)
  await expect
    .poll(() => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.includes('form-draft'))))
    .toEqual([]);
});
