import { expect, test, type Page } from '@playwright/test';

// Screenshots of the pod view's key states for the README, written to e2e/screenshots/.
// Opt-in (they rewrite committed files): SCREENSHOTS=1 npx playwright test -c e2e/playwright.config.ts e2e/screenshots.spec.ts

test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to regenerate e2e/screenshots/*.png');
test.use({ reducedMotion: 'reduce' });

const shot = (name: string) => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;
const bar = (page: Page) => page.getByRole('toolbar', { name: 'Playback' });
const card = (page: Page, name: string) => page.getByRole('article', { name: `Container ${name}` });

/** The speed: the menu below 1500 px of instance width, the buttons above. */
async function speed(page: Page, value: string) {
  const menu = bar(page).getByRole('combobox');
  if (await menu.isVisible()) await menu.selectOption(value);
  else
    await bar(page)
      .getByRole('button', { name: `${value}×`, exact: true })
      .click();
}

async function running(page: Page, theme: 'Light' | 'Dark' = 'Light', path = './') {
  await page.goto(path);
  const themes = page.getByRole('group', { name: 'Theme' });
  if (await themes.isVisible()) await themes.getByRole('button', { name: theme }).click();
  await speed(page, '5');
  await bar(page).getByRole('button', { name: 'Play', exact: true }).click();
  await expect(card(page, 'web')).toHaveAttribute('data-state', 'Running', { timeout: 20_000 });
  await speed(page, '1');
}

/** The app at the sizes people meet it: a laptop, a projector, a docs frame, a phone. */
const LAYOUTS = [
  { name: 'layout-1280x720', width: 1280, height: 720, path: './' },
  { name: 'layout-1920x1080', width: 1920, height: 1080, path: './' },
  { name: 'layout-embed-800x500', width: 800, height: 500, path: './?embed=1' },
  { name: 'layout-phone-390', width: 390, height: 844, path: './' },
];

for (const l of LAYOUTS) {
  test(`layout ${l.name}`, async ({ page }) => {
    await page.setViewportSize({ width: l.width, height: l.height });
    await running(page, 'Light', l.path);
    await page.waitForTimeout(1500);
    await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
    if (l.width < 1100) {
      await page.getByRole('tab', { name: 'get pods -w' }).click();
    }
    await page.screenshot({ path: shot(l.name) });
  });
}

test('presenter mode at 1920×1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await running(page);
  await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: /^Present/ }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: shot('presenter-1920') });
});

async function crashTwice(page: Page) {
  for (let i = 0; i < 2; i++) {
    await expect(card(page, 'web')).toHaveAttribute('data-state', 'Running', { timeout: 10_000 });
    await page.getByRole('button', { name: 'Inject a fault into web' }).click();
    await page
      .getByRole('dialog', { name: 'Inject a fault into web' })
      .getByRole('button', { name: /^Crash/ })
      .click();
  }
  await expect(card(page, 'web')).toHaveAttribute('data-state', 'CrashLoopBackOff', {
    timeout: 10_000,
  });
  await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
}

test.describe('desktop', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('crash loop with its countdown and "Why CrashLoopBackOff?"', async ({ page }) => {
    await running(page);
    await crashTwice(page);
    await card(page, 'web').getByRole('button', { name: 'CrashLoopBackOff', exact: true }).click();
    await page.screenshot({ path: shot('crashloop-why-light') });
  });

  test('fault menu, dark', async ({ page }) => {
    await running(page, 'Dark');
    await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Inject a fault into web' }).click();
    await page.screenshot({ path: shot('fault-menu-dark') });
  });

  test('sandbox killed: init runs again, dark', async ({ page }) => {
    await running(page, 'Dark');
    await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Kill pause container' }).click();
    for (let i = 0; i < 40; i++) {
      const rebuilt = await page
        .getByRole('region', { name: 'pause container (Pod sandbox)' })
        .getByText('sandbox attempt 1')
        .isVisible();
      if (
        rebuilt &&
        (await card(page, 'log-agent').getAttribute('data-state')) === 'PodInitializing'
      )
        break;
      await bar(page).getByRole('button', { name: 'Step', exact: true }).click();
      await page.waitForTimeout(40);
    }
    await page.screenshot({ path: shot('sandbox-rebuilt-dark') });
  });

  test('terminating, Chinese', async ({ page }) => {
    await running(page);
    await page
      .getByRole('group', { name: 'Language' })
      .getByRole('button', { name: '中文' })
      .click();
    await page
      .getByRole('toolbar', { name: '播放控制' })
      .getByRole('button', { name: '暂停', exact: true })
      .click();
    await page.getByRole('button', { name: '删除 Pod' }).click();
    await page.getByRole('button', { name: 'Terminating', exact: true }).first().click();
    await page.screenshot({ path: shot('terminating-zh') });
  });
});
