import { expect, test } from './fixtures.ts';

test('the page loads and shows the sandbox mode', async ({ page }) => {
  await page.goto('/');
  // not signed in: the sign-in page, which shows the server's mode
  await expect(page.getByTestId('mode')).toHaveText(/sandbox/i);
});
