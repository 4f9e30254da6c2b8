/**
 * The compact layouts, as a docs reader and a phone user meet them: in an 800×500 frame and on a
 * 390 px phone the diagram is on top, the transport is one band with a Faults menu, and the
 * kubectl panels are tabs in a drawer that can always be reached; the Events read as cards on a
 * phone; the current view exports as PNG and SVG, from the menu and over the host API.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const APP = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const HOST = `http://127.0.0.1:${process.env.E2E_FIXTURE_PORT ?? 4174}`;

const card = (page: Page, name: string) => page.getByRole('article', { name: `Container ${name}` });

async function open(page: Page, path: string) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  await expect(card(page, 'web')).toBeVisible();
  return errors;
}

/** Nothing of the instance is wider than its box (no sideways scrolling of the page). */
const overflowX = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('.podscope-root')!;
    return root.scrollWidth - root.clientWidth;
  });

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).include('.podscope-root').analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

test('an 800×500 embed: the drawer reaches every panel, faults fold into a menu, axe clean', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 500 });
  const errors = await open(page, './?embed=1');
  const drawer = page.getByRole('region', { name: 'kubectl' });
  const tabs = drawer.getByRole('tablist', { name: 'kubectl output' });
  const toggle = drawer.getByRole('button', { name: 'Show panel' });
  // Closed at first: the tabs are there, the diagram has the height.
  await expect(tabs.getByRole('tab')).toHaveText([
    'get pods -w',
    'describe',
    'logs',
    'YAML',
    'events',
  ]);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(drawer.getByRole('tabpanel')).toBeHidden();
  const closedStage = (await page.getByRole('region', { name: 'Pod anatomy' }).boundingBox())!;
  expect(closedStage.height).toBeGreaterThan(250);

  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
  // A tab opens the drawer; every panel is reachable and has a usable height.
  for (const [tab, text] of [
    ['get pods -w', /myapp-pod/],
    ['describe', /Name:\s+myapp-pod/],
    ['logs', /logs/],
    ['YAML', /apiVersion: v1/],
    ['events', /Scheduled/],
  ] as const) {
    await tabs.getByRole('tab', { name: tab, exact: true }).click();
    const panel = drawer.getByRole('tabpanel');
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(text);
    expect((await panel.boundingBox())!.height).toBeGreaterThanOrEqual(100);
  }
  await expect(drawer.getByRole('button', { name: 'Hide panel' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  // The diagram shares the height and stays in view.
  const openStage = (await page.getByRole('region', { name: 'Pod anatomy' }).boundingBox())!;
  expect(openStage.height).toBeGreaterThan(150);
  expect(openStage.y + openStage.height).toBeLessThanOrEqual(500);
  expect(await axe(page)).toEqual([]);
  await drawer.getByRole('button', { name: 'Hide panel' }).click();
  await expect(drawer.getByRole('tabpanel')).toBeHidden();

  // The faults: one menu button, opened and used by keyboard.
  const faults = page.getByRole('button', { name: 'Faults', exact: true });
  await faults.focus();
  await page.keyboard.press('Enter');
  await expect(faults).toHaveAttribute('aria-expanded', 'true');
  const kill = page.getByRole('button', { name: /Kill pause container/ });
  await expect(kill).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(kill).toBeHidden();
  await expect(faults).toBeFocused();
  await faults.click();
  await kill.click();
  await expect(kill).toBeHidden();
  await tabs.getByRole('tab', { name: 'events', exact: true }).click();
  await expect(drawer.getByRole('tabpanel')).toContainText('SandboxChanged', { timeout: 20_000 });
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});

test.describe('a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('one-row header, no key hints, events as cards, nothing wider than the screen', async ({
    page,
  }) => {
    const errors = await open(page, './');
    const header = (await page.getByRole('banner').boundingBox())!;
    expect(header.height).toBeLessThan(60);
    // Touch: no keyboard hints.
    await expect(page.locator('.podscope-kbd:visible')).toHaveCount(0);
    // The theme buttons keep their names.
    await expect(page.getByRole('button', { name: 'Dark' })).toBeVisible();
    await page.getByRole('button', { name: 'Play' }).click();
    const drawer = page.getByRole('region', { name: 'kubectl' });
    await drawer.getByRole('tab', { name: 'events', exact: true }).click();
    const row = drawer.getByRole('row').filter({ hasText: 'Scheduled' });
    await expect(row).toBeVisible();
    // A card: the message takes the row's width (not one word per line).
    const message = row.getByRole('cell').filter({ hasText: 'Successfully assigned' });
    const [r, m] = [(await row.boundingBox())!, (await message.boundingBox())!];
    expect(m.width).toBeGreaterThan(r.width * 0.8);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dark' }).click();
    expect(await axe(page)).toEqual([]);
    // A side panel opens over the stage's lower part: the diagram's top stays in view.
    await page.getByRole('button', { name: 'Lessons' }).click();
    const panel = page.locator('.podscope-learn-panel');
    await expect(panel).toBeVisible();
    const stage = (await page.getByRole('region', { name: 'Pod anatomy' }).boundingBox())!;
    expect((await panel.boundingBox())!.y).toBeGreaterThan(stage.y + 100);
    expect(errors).toEqual([]);
  });
});

test('export: the menu downloads a PNG; a host page on another origin gets PNG and SVG', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, './');
  const tools = page.getByRole('toolbar', { name: 'Diagram view' });
  await tools.getByLabel('Export the current view as an image').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PNG image' }).click();
  expect((await download).suggestedFilename()).toBe('podscope.png');

  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(`${HOST}/pages/host.html?app=${encodeURIComponent(APP)}`);
  type Msg = { type: string; format?: string; dataUrl?: string };
  const received = () => page.evaluate(() => (window as unknown as { received: Msg[] }).received);
  const send = (m: unknown) =>
    page.evaluate((x) => (window as unknown as { send(m: unknown): void }).send(x), m);
  await expect.poll(async () => (await received()).map((m) => m.type)).toContain('ready');
  await expect(
    page.frameLocator('#frame').getByRole('article', { name: 'Container web' }),
  ).toBeVisible();
  await send({ source: 'podscope', type: 'export', format: 'svg' });
  await send({ source: 'podscope', type: 'export', format: 'png' });
  await expect
    .poll(async () => (await received()).filter((m) => m.type === 'exported').length, {
      timeout: 15_000,
    })
    .toBe(2);
  const out = (await received()).filter((m) => m.type === 'exported');
  const svg = out.find((m) => m.format === 'svg')!;
  const png = out.find((m) => m.format === 'png')!;
  expect(svg.dataUrl).toMatch(/^data:image\/svg\+xml/);
  expect(decodeURIComponent(svg.dataUrl!)).toContain('myapp-pod');
  expect(png.dataUrl).toMatch(/^data:image\/png;base64,/);
  // A real picture, not an empty canvas.
  expect(png.dataUrl!.length).toBeGreaterThan(10_000);
});
