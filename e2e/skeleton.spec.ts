import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('Play advances cluster time through the worker; Pause stops it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');

  const clock = page.getByRole('status', { name: 'Cluster time' });
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await expect(play).toBeEnabled();
  await expect(clock).toHaveText('0:00');

  await play.click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(clock).not.toHaveText('0:00', { timeout: 5_000 });

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const stopped = await clock.textContent();
  await page.waitForTimeout(1_500);
  await expect(clock).toHaveText(stopped ?? '');

  expect(errors).toEqual([]);
});

test('the page has no axe violations', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
