import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Journeys through the pod view on the real simulation (the default run: init-html, then the
// native sidecar log-agent, then nginx "web"), with role-based locators only.

const card = (page: Page, name: string) => page.getByRole('article', { name: `Container ${name}` });
const pod = (page: Page) => page.getByRole('region', { name: 'Pod myapp-pod' });
const sandbox = (page: Page) => page.getByRole('region', { name: 'pause container (Pod sandbox)' });
const bar = (page: Page) => page.getByRole('toolbar', { name: 'Playback' });

async function open(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(bar(page).getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(card(page, 'web')).toBeVisible();
  return errors;
}

async function playUntilRunning(page: Page) {
  await bar(page).getByRole('combobox', { name: 'Speed' }).selectOption('5');
  await bar(page).getByRole('button', { name: 'Play' }).click();
  await expect(card(page, 'web')).toHaveAttribute('data-state', 'Running', { timeout: 20_000 });
  await expect(pod(page).getByRole('button', { name: 'Running', exact: true })).toBeVisible();
}

async function inject(page: Page, container: string, fault: RegExp) {
  await page.getByRole('button', { name: `Inject a fault into ${container}` }).click();
  const menu = page.getByRole('dialog', { name: `Inject a fault into ${container}` });
  await expect(menu).toBeVisible();
  await menu.getByRole('button', { name: fault }).click();
  await expect(menu).toBeHidden();
}

test('inject a crash: the kubelet restarts at once, then CrashLoopBackOff counts down and bumps RESTARTS', async ({
  page,
}) => {
  const errors = await open(page);
  await playUntilRunning(page);
  const web = card(page, 'web');

  // The menu says what the kubelet will do before we do it.
  await page.getByRole('button', { name: 'Inject a fault into web' }).click();
  const menu = page.getByRole('dialog', { name: 'Inject a fault into web' });
  const crash = menu.getByRole('button', { name: /^Crash/ });
  await expect(crash).toHaveAccessibleDescription(/restartPolicy Always: the kubelet restarts it/);
  await crash.click();

  // First exit: restarted immediately (no back-off yet).
  await expect(web.getByText('restarts: 1')).toBeAttached({ timeout: 10_000 });
  await expect(web).toHaveAttribute('data-state', 'Running', { timeout: 10_000 });

  // Second exit: back-off of 10 s of cluster time, shown as a ring counting down.
  await bar(page).getByRole('combobox', { name: 'Speed' }).selectOption('1');
  await inject(page, 'web', /^Crash/);
  await expect(web).toHaveAttribute('data-state', 'CrashLoopBackOff', { timeout: 10_000 });
  const ring = web.getByRole('timer');
  await expect(ring).toHaveAccessibleName(/next restart in \d+ s of cluster time/);
  const first = Number((await ring.getAttribute('aria-label'))?.match(/\d+/)?.[0]);
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThanOrEqual(10);
  await expect
    .poll(async () =>
      Number((await ring.getAttribute('aria-label').catch(() => '0'))?.match(/\d+/)?.[0] ?? 0),
    )
    .toBeLessThan(first);
  await expect(
    pod(page).getByRole('button', { name: 'CrashLoopBackOff', exact: true }),
  ).toBeVisible();

  // "Why this status?" explains the rule.
  await web.getByRole('button', { name: 'CrashLoopBackOff', exact: true }).click();
  const why = page.getByRole('dialog', { name: 'Why CrashLoopBackOff?' });
  await expect(why.getByText(/10 s, 20 s, 40 s/)).toBeVisible();
  await expect(
    why.getByText(/web: restartCount 1; next try in \d+ s of cluster time/),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(why).toBeHidden();

  // When the back-off ends the container restarts and RESTARTS bumps again.
  await expect(web.getByText('restarts: 2')).toBeAttached({ timeout: 20_000 });
  await expect(web).toHaveAttribute('data-state', 'Running', { timeout: 10_000 });
  expect(errors).toEqual([]);
});

test('init containers run in order, before the app container', async ({ page }) => {
  const errors = await open(page);
  const next = bar(page).getByRole('button', { name: 'Next event' });
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    const init = await card(page, 'init-html').getAttribute('data-state');
    const side = await card(page, 'log-agent').getAttribute('data-state');
    const web = await card(page, 'web').getAttribute('data-state');
    // The sidecar waits for init-html to complete; web waits for both.
    if (side === 'Running') expect(init).toBe('Completed');
    if (web === 'Running') expect(side).toBe('Running');
    seen.push(`${init}/${side}/${web}`);
    if (web === 'Running') break;
    await next.click();
    await page.waitForTimeout(50);
  }
  expect(seen.at(-1)).toBe('Completed/Running/Running');
  // Each step happened after the previous one, never together.
  const firstIndex = (re: RegExp) => seen.findIndex((s) => re.test(s));
  const initDone = firstIndex(/^Completed\//);
  const sideUp = firstIndex(/^[^/]+\/Running\//);
  const webUp = firstIndex(/\/Running$/);
  expect(initDone).toBeGreaterThan(0);
  expect(sideUp).toBeGreaterThanOrEqual(initDone);
  expect(webUp).toBeGreaterThan(sideUp);
  expect(errors).toEqual([]);
});

test('delete the pod: STATUS Terminating, and a bare Pod is not replaced', async ({ page }) => {
  const errors = await open(page);
  await playUntilRunning(page);
  await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
  const del = page.getByRole('button', { name: 'Delete Pod' });
  await expect(del).toHaveAccessibleDescription(/SIGTERM.*A bare Pod is not replaced/);
  await del.click();
  await expect(pod(page).getByRole('button', { name: 'Terminating', exact: true })).toBeVisible();
  await pod(page).getByRole('button', { name: 'Terminating', exact: true }).click();
  await expect(
    page.getByRole('dialog', { name: 'Why Terminating?' }).getByText(/PID 1/),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

test('kill the pause container: a new sandbox, and the init containers run again', async ({
  page,
}) => {
  const errors = await open(page);
  await playUntilRunning(page);
  await bar(page).getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(sandbox(page).getByText('sandbox attempt 0')).toBeVisible();
  const kill = page.getByRole('button', { name: 'Kill pause container' });
  await expect(kill).toHaveAccessibleDescription(/init containers run again from #1/);
  await kill.click();
  const step = bar(page).getByRole('button', { name: 'Step', exact: true });
  const seen: string[] = [];
  for (let i = 0; i < 80; i++) {
    await step.click();
    await page.waitForTimeout(40);
    const init = await card(page, 'init-html').getAttribute('data-state');
    const side = await card(page, 'log-agent').getAttribute('data-state');
    const web = await card(page, 'web').getAttribute('data-state');
    seen.push(`${init}/${side}/${web}`);
    if (seen.some((s) => s.includes('PodInitializing')) && web === 'Running') break;
  }
  await expect(sandbox(page).getByText('sandbox attempt 1')).toBeVisible();
  // Initialization started over in the new sandbox: the sidecar waited for init-html again…
  expect(seen.some((s) => /^(Running|Completed)\/PodInitializing\//.test(s))).toBe(true);
  // …and the pod came back.
  expect(seen.at(-1)).toBe('Completed/Running/Running');
  expect(errors).toEqual([]);
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`no axe violations in the ${theme} theme`, async ({ page }) => {
    await open(page);
    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: theme }).click();
    await playUntilRunning(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
    // And with a popover open.
    await page.getByRole('button', { name: 'Inject a fault into web' }).click();
    const withMenu = await new AxeBuilder({ page }).analyze();
    expect(
      withMenu.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join(' / ')}`,
      ),
    ).toEqual([]);
  });
}

test('keyboard: one-key shortcuts, the fault menu by keys, Escape returns focus', async ({
  page,
}) => {
  const errors = await open(page);
  await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Light' }).focus();
  await page.keyboard.press('p');
  await expect(bar(page).getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(card(page, 'web')).toHaveAttribute('data-state', 'Running', { timeout: 20_000 });
  await page.keyboard.press('p');
  await expect(bar(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  // Open web's menu from the keyboard and crash it with its letter.
  const trigger = page.getByRole('button', { name: 'Inject a fault into web' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'Inject a fault into web' });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('c');
  await expect(menu).toBeHidden();
  await page.keyboard.press('p');
  await expect(card(page, 'web').getByText('restarts: 1')).toBeAttached({ timeout: 10_000 });
  await page.keyboard.press('p');

  // D deletes the pod (the bar's shortcut).
  await page.keyboard.press('d');
  await expect(pod(page).getByRole('button', { name: 'Terminating', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('settings rewrite the manifest and restart the run: restartPolicy Never is not restarted', async ({
  page,
}) => {
  const errors = await open(page);
  await page.getByRole('button', { name: 'Pod settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings of myapp-pod' });
  await dialog.getByLabel('restartPolicy').selectOption('Never');
  await expect(pod(page).getByText('restartPolicy: Never')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Cluster time' })).toHaveText('0:00');
  await page.keyboard.press('Escape');

  await playUntilRunning(page);
  await page.getByRole('button', { name: 'Inject a fault into web' }).click();
  const crash = page
    .getByRole('dialog', { name: 'Inject a fault into web' })
    .getByRole('button', { name: /^Crash/ });
  await expect(crash).toHaveAccessibleDescription(/restartPolicy Never: not restarted/);
  await crash.click();
  await expect(card(page, 'web')).toHaveAttribute('data-state', 'Error', { timeout: 10_000 });
  await page.waitForTimeout(1500);
  await expect(card(page, 'web')).toHaveAttribute('data-state', 'Error');
  await expect(card(page, 'web').getByText('restarts: 0')).toBeAttached();
  expect(errors).toEqual([]);
});
