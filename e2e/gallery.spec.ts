/**
 * The scenario gallery loads a run into the pod view; the compare view plays two variants on one
 * clock and shows how they differ.
 */
import { expect, test } from '@playwright/test';

test('a scenario from the gallery becomes the running pod', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  const gallery = page.getByRole('dialog', { name: 'Scenario gallery' });
  await expect(gallery).toBeVisible();
  await gallery.getByLabel('Topic').selectOption({ label: 'Restart policy' });
  await expect(gallery.getByRole('heading', { name: 'restartPolicy: Never' })).toBeVisible();
  await expect(gallery.getByRole('heading', { name: 'One container' })).toBeHidden();
  await gallery.getByRole('button', { name: 'Load restartPolicy: Never' }).click();
  await expect(gallery).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Loaded: restartPolicy: Never' }),
  ).toBeAttached();
  await expect(page.getByText('restart-demo').first()).toBeVisible();
});

test('side by side: the same exits under Always and OnFailure, on one clock', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = page.getByRole('region', { name: 'Side by side' });
  await compare.getByLabel('Speed').selectOption('10');
  await compare.getByRole('button', { name: 'Play both' }).click();
  const left = compare.getByRole('article', { name: /^Left: restartPolicy: Always/ });
  const right = compare.getByRole('article', { name: /^Right: restartPolicy: OnFailure/ });
  // After the scripted exits at 0:10: Always restarted both, OnFailure left the exit-0 one Completed.
  await expect(right.getByText(/finisher.*Terminated, Reason: Completed/)).toBeVisible({
    timeout: 20_000,
  });
  await expect(left.getByText(/finisher.*Running.*Restart Count: 1/)).toBeVisible();
  await compare.getByRole('button', { name: 'Pause both' }).click();
  const clock = compare.getByRole('timer', { name: 'Shared clock' });
  const stopped = await clock.textContent();
  await page.waitForTimeout(500);
  await expect(clock).toHaveText(stopped ?? '');
});
