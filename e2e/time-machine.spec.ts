import { expect, test, type Page } from '@playwright/test';

/** Seconds shown by the cluster clock ("m:ss" or "h:mm:ss"). */
async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.getByRole('status', { name: 'Cluster time' }).textContent()) ?? '';
  return text
    .trim()
    .split(':')
    .reduce((s, part) => s * 60 + Number(part), 0);
}

/** The scrubber's end (seconds, rounded) — the end of the recorded future. */
async function scrubberEnd(page: Page): Promise<number> {
  const slider = page.getByRole('slider', { name: 'Timeline, cluster time' });
  return Number(await slider.getAttribute('aria-valuemax'));
}

test.use({ viewport: { width: 1440, height: 1100 } });

// The fault is clicked right after keyboard seeks on the scrubber: the band it sits in must not
// change height when the scrubber loses focus (it once grew on :focus-within, so the button
// moved between press and release and the click was lost).
test('play, pause, seek back to the earlier state, then fork a new future', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');

  const clock = page.getByRole('status', { name: 'Cluster time' });
  const play = page.getByRole('button', { name: 'Play', exact: true });
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  const pod = page.getByRole('region', { name: 'Pod myapp-pod' });
  const scrubber = page.getByRole('slider', { name: 'Timeline, cluster time' });
  const sandbox = page.getByRole('region', { name: 'pause container (Pod sandbox)' });

  // Loaded paused at 0:00, before the pod runs.
  await expect(play).toBeEnabled();
  await expect(clock).toHaveText('0:00');
  await expect(pod.getByRole('button', { name: 'Running', exact: true })).toHaveCount(0);

  // Play at 100× until the pod has been running a while, then pause.
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('combobox', { name: 'Speed' })
    .selectOption('100');
  await play.click();
  await expect(pause).toBeVisible();
  await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(60);
  await pause.click();
  await expect(play).toBeVisible();
  const pausedAt = await clockSeconds(page);
  await page.waitForTimeout(500);
  expect(await clockSeconds(page)).toBe(pausedAt);
  await expect(pod.getByRole('button', { name: 'Running', exact: true })).toBeVisible();
  await expect(scrubber).toHaveAttribute('aria-valuenow', String(pausedAt));

  // Seek back to the start: the earlier state, with the recorded future kept.
  await scrubber.focus();
  await scrubber.press('Home');
  await expect(clock).toHaveText('0:00');
  await expect(pod.getByRole('button', { name: 'Running', exact: true })).toHaveCount(0);
  expect(Math.abs((await scrubberEnd(page)) - pausedAt)).toBeLessThanOrEqual(1);

  // Forward again through the kept future (instant, deterministic).
  await scrubber.press('End');
  await expect.poll(() => clockSeconds(page)).toBe(pausedAt);
  await expect(pod.getByRole('button', { name: 'Running', exact: true })).toBeVisible();

  // Back to 0:30 and fork: killing the sandbox there discards the old future.
  await scrubber.press('Home');
  await expect(clock).toHaveText('0:00');
  for (const at of ['0:10', '0:20', '0:30']) {
    // Each key steps from the time shown, so wait for it to arrive.
    await scrubber.press('PageUp');
    await expect(clock).toHaveText(at);
  }
  await expect(sandbox.getByText('sandbox attempt 0', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Kill pause container' }).click();
  await expect(scrubber).toHaveAttribute('aria-valuemax', '30');

  // The new future: a new sandbox, the init containers run again.
  await play.click();
  await expect.poll(() => clockSeconds(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(60);
  await pause.click();
  await expect(sandbox.getByText('sandbox attempt 1', { exact: false })).toBeVisible();
  // The last frame after the pause may still be on its way: the end settles on the clock.
  await expect
    .poll(async () => Math.abs((await scrubberEnd(page)) - (await clockSeconds(page))))
    .toBeLessThanOrEqual(1);

  expect(errors).toEqual([]);
});
