import { expect, test, type Page } from '@playwright/test';

// Screenshots of the pod view's key states for the README, written to e2e/screenshots/.
// Opt-in (they rewrite committed files): SCREENSHOTS=1 npx playwright test -c e2e/playwright.config.ts e2e/screenshots.spec.ts

test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to regenerate e2e/screenshots/*.png');
test.use({ reducedMotion: 'reduce' });

const shot = (name: string) => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;
const bar = (page: Page) => page.getByRole('toolbar', { name: 'Playback' });
const card = (page: Page, name: string) => page.getByRole('article', { name: `Container ${name}` });

async function running(page: Page, theme: 'Light' | 'Dark' = 'Light') {
  await page.goto('./');
  await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: theme }).click();
  await bar(page).getByRole('button', { name: '5×', exact: true }).click();
  await bar(page).getByRole('button', { name: 'Play', exact: true }).click();
  await expect(card(page, 'web')).toHaveAttribute('data-state', 'Running', { timeout: 20_000 });
  await bar(page).getByRole('button', { name: '1×', exact: true }).click();
}

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
  test.use({ viewport: { width: 1280, height: 800 } });

  test('running, light', async ({ page }) => {
    await running(page);
    await page.waitForTimeout(1500);
    await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
    await page.screenshot({ path: shot('running-light') });
  });

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

test.describe('phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('360 px phone', async ({ page }) => {
    await running(page);
    await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
    await page.screenshot({ path: shot('phone-360') });
  });
});
