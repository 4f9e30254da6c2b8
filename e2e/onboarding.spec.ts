/**
 * Onboarding, by keyboard: the first-run hint (dismissed, then not shown after a reload), the `?`
 * key help (opens, lists the shortcuts, Escape closes it and focus returns, axe clean while open)
 * and Space (plays/pauses, but still clicks a focused button).
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('first-run hint, ? key help and Space', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  const play = page.getByRole('button', { name: /^Play/ });
  await expect(play).toBeEnabled();

  // The hint points at Play and the Scenarios button, and covers none of the diagram.
  const hint = page.getByRole('note', { name: 'Getting started' });
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('Press Play — or pick a story');
  const box = (await hint.boundingBox())!;
  const stage = (await page.locator('.podscope-anatomy').boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(stage.y + 1);

  // `?` opens the key help from a focused control; Escape closes it and focus returns there.
  const lessons = page.getByRole('button', { name: 'Lessons' });
  await lessons.focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const text of ['Space', 'Play / Pause', 'Kill pause container', 'Presenter mode on / off'])
    await expect(help).toContainText(text);
  const axe = await new AxeBuilder({ page }).include('.podscope-root').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(lessons).toBeFocused();

  // Space on a focused button clicks that button (it does not play).
  await page.keyboard.press(' ');
  await expect(lessons).toHaveAttribute('aria-pressed', 'true');
  await expect(play).toBeVisible();
  await lessons.click();
  await expect(lessons).toHaveAttribute('aria-pressed', 'false');

  // Dismissed, and remembered across a reload.
  await hint.getByRole('button', { name: 'Got it' }).click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await expect(play).toBeEnabled();
  await expect(page.getByRole('note', { name: 'Getting started' })).toHaveCount(0);

  // Space with the instance focused (no button) plays, and pauses again.
  await page.locator('.podscope-root').focus();
  await page.keyboard.press(' ');
  const pause = page.getByRole('button', { name: /^Pause/ });
  await expect(pause).toBeVisible();
  await expect(page.getByLabel('Cluster time').first()).not.toHaveText('0:00');
  await page.locator('.podscope-root').focus();
  await page.keyboard.press(' ');
  await expect(play).toBeVisible();
});
