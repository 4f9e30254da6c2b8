/**
 * The shell around the diagram at every size: the stage is the largest region, every panel is
 * reachable by role with a usable height, nothing sits off-screen horizontally; the framed app
 * (another origin) posts its natural height; autoplay stops with Replay or loops; axe in both
 * themes.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const APP = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const HOST = `http://127.0.0.1:${process.env.E2E_FIXTURE_PORT ?? 4174}`;

async function area(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { w: r.width, h: r.height, a: r.width * r.height, right: r.right, left: r.left };
  });
}

async function noHorizontalOverflow(page: Page) {
  const over = await page.evaluate(() => {
    const root = document.querySelector('.podscope-root')!;
    return root.scrollWidth - root.clientWidth;
  });
  expect(over).toBeLessThanOrEqual(1);
}

async function panelsUsable(page: Page) {
  const tabs = page.getByRole('tablist').first();
  for (const name of ['get pods -w', 'describe', 'logs', 'YAML']) {
    await tabs.getByRole('tab', { name }).click();
    const panel = page.getByRole('tabpanel');
    await expect(panel).toBeVisible();
    const box = await panel.evaluate((el) => el.getBoundingClientRect().height);
    expect(box).toBeGreaterThanOrEqual(140);
  }
}

for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`app at ${w}×${h}: the stage is the hero, panels beside it`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    await expect(page.getByRole('button', { name: /^Play/ })).toBeEnabled();
    const stage = await area(page, '.podscope-anatomy');
    const side = await area(page, '.podscope-side');
    const bottom = await area(page, '.podscope-bottom');
    expect(stage.a).toBeGreaterThan(side.a);
    expect(stage.a).toBeGreaterThan(bottom.a);
    expect(stage.h).toBeGreaterThan(h * 0.5);
    // kubectl sits beside the stage, not under it
    expect(side.left).toBeGreaterThanOrEqual(stage.right - 1);
    // the transport is one line
    const controls = await area(page, '.podscope-controls');
    expect(controls.h).toBeLessThan(56);
    await noHorizontalOverflow(page);
    await panelsUsable(page);
    for (const theme of ['Light', 'Dark']) {
      await page.getByRole('button', { name: theme }).click();
      const axe = await new AxeBuilder({ page }).include('.podscope-root').analyze();
      expect(axe.violations.map((v) => `${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
    }
    // the YAML editor opens beside the diagram, which stays in view
    await page.getByRole('button', { name: 'Edit YAML' }).click();
    const stageAfter = await area(page, '.podscope-anatomy');
    const editor = await area(page, '.podscope-learn-panel');
    expect(editor.left).toBeGreaterThanOrEqual(stageAfter.right - 1);
    expect(stageAfter.h).toBeGreaterThan(h * 0.5);
  });
}

test('phone 390×844: one column, the diagram first and big, panels as tabs below', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: /^Play/ })).toBeEnabled();
  const stage = await area(page, '.podscope-anatomy');
  expect(stage.h).toBeGreaterThanOrEqual(844 * 0.6);
  const side = await area(page, '.podscope-side');
  expect(side.left).toBeLessThan(stage.w);
  await noHorizontalOverflow(page);
  await panelsUsable(page);
  for (const theme of ['Light', 'Dark']) {
    await page.getByRole('button', { name: theme }).click();
    const axe = await new AxeBuilder({ page }).include('.podscope-root').analyze();
    expect(axe.violations.map((v) => `${v.id} ${v.nodes[0]?.target}`)).toEqual([]);
  }
});

test('embed 800×500 on another origin: compact layout, panels usable, resize posted', async ({
  page,
}) => {
  await page.goto(`${HOST}/pages/host.html?app=${encodeURIComponent(APP)}`);
  await page.locator('#frame').evaluate((f: HTMLIFrameElement) => {
    f.width = '800';
    f.height = '500';
  });
  const frame = page.frameLocator('#frame');
  await expect(frame.getByRole('button', { name: /^Play/ })).toBeEnabled();
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { received: { type: string; height?: number }[] }).received.some(
          (m) => m.type === 'resize' && typeof m.height === 'number' && m.height > 0,
        ),
      ),
    )
    .toBe(true);
  const controls = await frame.locator('.podscope-controls').evaluate((el) => el.clientHeight);
  expect(controls).toBeLessThan(56);
  await expect(frame.getByRole('combobox', { name: 'Speed' })).toBeVisible();
  const tabs = frame.getByRole('tablist').first();
  for (const name of ['get pods -w', 'describe', 'logs', 'YAML']) {
    await tabs.getByRole('tab', { name }).click();
    const h = await frame.getByRole('tabpanel').evaluate((el) => el.getBoundingClientRect().height);
    expect(h).toBeGreaterThanOrEqual(140);
  }
  const stage = await frame
    .locator('.podscope-anatomy')
    .evaluate((el) => el.getBoundingClientRect().height);
  expect(stage).toBeGreaterThan(200);
});

test('autoplay stops at the scenario end with Replay; loop=1 starts again', async ({ page }) => {
  await page.goto('/?embed=1&scenario=busybox-exits-at-once&autoplay=1&speed=10');
  const replay = page.getByRole('button', { name: 'Replay' });
  await expect(replay).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
  await replay.click();
  await expect(replay).toBeHidden();
  await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();

  await page.goto('/?embed=1&scenario=busybox-exits-at-once&autoplay=1&speed=25&loop=1');
  const clock = page.getByRole('toolbar', { name: 'Playback' }).getByLabel('Cluster time');
  let wrapped = false;
  let last = 0;
  for (let i = 0; i < 80 && !wrapped; i++) {
    const text = (await clock.textContent()) ?? '0:00';
    const [m, s] = text.split(':').map(Number);
    const now = (m ?? 0) * 60 + (s ?? 0);
    if (now < last) wrapped = true;
    last = now;
    await page.waitForTimeout(250);
  }
  expect(wrapped).toBe(true);
  await expect(page.getByRole('button', { name: 'Replay' })).toBeHidden();
});
