import { expect, test } from '@playwright/test';

test('the page loads and shows the sandbox mode', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('mode')).toHaveText('sandbox');
});
