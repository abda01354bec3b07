import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/chromium.ts';
const base = 'http://127.0.0.1:18080';
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
for (const [label, viewport, extra] of [
  ['desk', { width: 1280, height: 900 }, {}],
  ['phone', { width: 390, height: 844 }, { isMobile: true, hasTouch: true, deviceScaleFactor: 1 }],
] as const) {
  const ctx = await browser.newContext({ viewport, ...extra });
  const page = await ctx.newPage();
  await page.goto(base + '/inbox');
  await page.getByRole('button', { name: 'Sign in as Alice Approver' }).click();
  await page.getByTestId('work-item-row').first().waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${label}-inbox.png` });
  await page.getByTestId('work-item-row').first().getByRole('link').click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${label}-detail.png`, fullPage: false });
  await page.goto(base + '/completed');
  await page.getByTestId('work-item-row').first().waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `/tmp/shots/${label}-completed.png` });
  await ctx.close();
}
await browser.close();
