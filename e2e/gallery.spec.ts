/**
 * The scenario gallery loads a run into the pod view; the compare view plays two variants on one
 * clock and shows how they differ.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

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
  // Focus goes back to the opener; Escape closes the gallery without loading anything.
  const opener = page.getByRole('button', { name: 'Scenarios', exact: true });
  await expect(opener).toBeFocused();
  await opener.click();
  await expect(gallery).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(gallery).toBeHidden();
  await expect(opener).toBeFocused();
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
  // Seek both back before the exits: nothing has restarted yet.
  await compare.getByRole('slider', { name: 'Cluster time of both runs' }).fill('5000');
  await expect(clock).toHaveText('0:05');
  await expect(left.getByText(/finisher.*Running.*Restart Count: 0/)).toBeVisible();
  await expect(right.getByText(/finisher.*Running.*Restart Count: 0/)).toBeVisible();
});

async function violations(page: Page, selector: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include(selector).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['Light', 'Dark']) {
  test(`the learning tools have no axe violations (${theme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('./');
    await page.getByRole('button', { name: theme, exact: true }).click();
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await page.getByRole('button', { name: 'Start: What a pod is' }).click();
    await page.getByRole('radio').first().check();
    expect(await violations(page, '.podscope-learn')).toEqual([]);
    await page.getByRole('button', { name: 'Edit YAML', exact: true }).click();
    await page.locator('.cm-editor').waitFor();
    expect(await violations(page, '.podscope-learn')).toEqual([]);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByRole('button', { name: 'Play both' }).click();
    expect(await violations(page, '.podscope-learn')).toEqual([]);
    await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await violations(page, 'dialog')).toEqual([]);
  });
}
