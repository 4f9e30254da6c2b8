import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The anatomy is legible at every size: its text measured the way a person sees it (computed
// font size × the element's rendered scale, per character), no card over another, re-fit on
// resize, Fit and zoom by keyboard.

const stage = (page: Page) => page.getByRole('region', { name: 'Pod anatomy' });
const card = (page: Page, name: string) => page.getByRole('article', { name: `Container ${name}` });

async function measure(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('.podscope-anatomy .react-flow');
    if (!root) return { chars: 0, median: 0, ge11: 0 };
    const sizes: number[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let n: Node | null;
    while ((n = walker.nextNode())) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      const r = el.getBoundingClientRect();
      const scale = el.offsetHeight ? r.height / el.offsetHeight : 1;
      for (let i = 0; i < text.length; i++) sizes.push(parseFloat(cs.fontSize) * scale);
    }
    sizes.sort((a, b) => a - b);
    return {
      chars: sizes.length,
      median: sizes[Math.floor(sizes.length / 2)] ?? 0,
      ge11: sizes.filter((s) => s >= 11).length / sizes.length,
    };
  });
}

/** Pairs of leaf cards (containers, volumes, sandboxes, idle nodes) whose boxes overlap. */
async function overlaps(page: Page) {
  return page.evaluate(() => {
    const sel =
      '.podscope-card, .podscope-volume, .podscope-sandbox, .podscope-knode--idle, .podscope-pod-head';
    const els = [...document.querySelectorAll<HTMLElement>(sel)];
    const boxes = els.map((e) => ({
      label: e.getAttribute('aria-label') ?? e.className,
      r: e.getBoundingClientRect(),
    }));
    const bad: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) bad.push(`${boxes[i]!.label} × ${boxes[j]!.label}`);
      }
    // Nothing spills out of its card either.
    for (const e of els) {
      const r = e.getBoundingClientRect();
      for (const c of e.querySelectorAll<HTMLElement>('*')) {
        if (c.closest('.podscope-card-details') && e.classList.contains('podscope-card--compact'))
          continue;
        if (c.classList.contains('podscope-sr-only') || c.closest('.react-flow__handle')) continue;
        const q = c.getBoundingClientRect();
        if (!q.width || !q.height) continue;
        if (
          q.left < r.left - 1 ||
          q.right > r.right + 1 ||
          q.top < r.top - 1 ||
          q.bottom > r.bottom + 1
        )
          bad.push(
            `${e.getAttribute('aria-label') ?? e.className} spills ${c.tagName}.${c.className}`,
          );
      }
    }
    return bad;
  });
}

async function open(page: Page, path = './') {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  await expect(card(page, 'web')).toBeVisible();
  await page.waitForTimeout(400);
  return errors;
}

const LAYOUTS = [
  { name: 'app 1280×720', width: 1280, height: 720, path: './', median: 13 },
  { name: 'app 1920×1080', width: 1920, height: 1080, path: './', median: 16 },
  { name: 'embed 800×500', width: 800, height: 500, path: './?embed=1', median: 13 },
  { name: 'phone 390×844', width: 390, height: 844, path: './', median: 13 },
];

for (const l of LAYOUTS) {
  test(`${l.name}: the diagram reads at ≥ 11 px (90 %), median ≥ ${l.median} px, no card over another`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: l.width, height: l.height });
    const errors = await open(page, l.path);
    const m = await measure(page);
    console.log(`LEGIBILITY ${l.name}: ${JSON.stringify(m)}`);
    expect(m.chars).toBeGreaterThan(200);
    expect(m.ge11).toBeGreaterThanOrEqual(0.9);
    expect(m.median).toBeGreaterThanOrEqual(l.median);
    expect(await overlaps(page)).toEqual([]);
    await expect(page.getByText('node-2 · no pods')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('a resize from 1280 to 1920 re-fits the diagram; Fit and zoom work by keyboard', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  const before = await measure(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(async () => (await measure(page)).median).toBeGreaterThan(before.median + 3);

  const tools = stage(page).getByRole('toolbar', { name: 'Diagram view' });
  const zoomIn = tools.getByRole('button', { name: 'Zoom in' });
  const zoomOut = tools.getByRole('button', { name: 'Zoom out' });
  const fit = tools.getByRole('button', { name: /^Fit the diagram to the stage/ });
  const fitted = (await measure(page)).median;
  await zoomIn.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await measure(page)).median).toBeGreaterThan(fitted * 1.1);
  await fit.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await measure(page)).median).toBeCloseTo(fitted, 0);
  await zoomOut.focus();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await measure(page)).median).toBeLessThan(fitted * 0.95);
  // Zooming out never shrinks the type below legibility.
  for (let i = 0; i < 12 && (await zoomOut.isEnabled()); i++) await zoomOut.click();
  await expect(zoomOut).toBeDisabled();
  expect((await measure(page)).ge11).toBe(1);
});

test('compact cards show their details on focus', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  const web = card(page, 'web');
  await expect(web.getByText('nginx:1.25')).toHaveCount(0);
  await web.getByRole('button', { name: 'Inject a fault into web' }).focus();
  await expect(web.getByText('nginx:1.25')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await page.mouse.move(0, 0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the stage is axe clean in the ${theme} theme`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page);
    await page.getByRole('button', { name: theme === 'light' ? 'Light' : 'Dark' }).click();
    const result = await new AxeBuilder({ page }).include('.podscope-anatomy').analyze();
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
  });
}
