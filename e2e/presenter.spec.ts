/** Presenter mode by keyboard only: enter (M), next / previous event, blank, leave (Escape). */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('presenter mode with the keyboard only', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: /^Play/ })).toBeEnabled();
  // Focus the instance by keyboard, then enter
  await page.getByRole('button', { name: /^Present/ }).focus();
  await page.keyboard.press('m');
  const bar = page.getByRole('toolbar', { name: 'Presenter' });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  const body = await page
    .locator('.podscope-root')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(body).toBeGreaterThanOrEqual(20);
  const stage = await page
    .locator('.podscope-anatomy')
    .evaluate((el) => el.getBoundingClientRect().height);
  expect(stage).toBeGreaterThan(1080 * 0.7);
  const clock = bar.getByLabel('Cluster time');
  await expect(clock).toHaveText('0:00');
  const seconds = async () => {
    const [m, s] = ((await clock.textContent()) ?? '0:00').split(':').map(Number);
    return (m ?? 0) * 60 + (s ?? 0);
  };
  // Clicker: the first events share 0:00; PageDown walks until the clock moves.
  for (let i = 0; i < 12 && (await seconds()) === 0; i++) {
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(200);
  }
  const after = await seconds();
  expect(after).toBeGreaterThan(0);
  await page.keyboard.press('PageUp');
  await expect.poll(seconds).toBeLessThan(after);
  await page.keyboard.press('b');
  await expect(page.getByRole('img', { name: /Screen blanked/ })).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByRole('img', { name: /Screen blanked/ })).toBeHidden();
  const axe = await new AxeBuilder({ page }).include('.podscope-root').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await expect(page.getByRole('banner')).toBeVisible();
  // ?present=1 opens in presenter mode
  await page.goto('/?present=1');
  await expect(page.getByRole('toolbar', { name: 'Presenter' })).toBeVisible();
});
