/**
 * Embedding: a host page on another origin drives the iframe over postMessage; a page not
 * allowed gets nothing; two <pod-scope> elements run different scenarios at once; the offline
 * single file works from file://; strict-CSP pages; share links restore a run exactly.
 *
 * The app is served by `vite preview` on :4173; host pages, the element bundle and a strict-CSP
 * copy of the app under a deep base path by e2e/fixtures/server.mjs on :4174 (another origin).
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

// Overridable so the suite can run against another pair of servers.
const APP = process.env.PODSCOPE_APP ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
const HOST =
  process.env.PODSCOPE_HOST ?? `http://127.0.0.1:${process.env.E2E_FIXTURE_PORT ?? 4174}`;
const hostPage = (query = '') =>
  `${HOST}/pages/host.html?app=${encodeURIComponent(APP)}${query ? `&${query}` : ''}`;
const SINGLE_FILE = fileURLToPath(new URL('../dist-single/podscope.html', import.meta.url));

interface Msg {
  source: string;
  type: string;
  nowMs?: number;
  pods?: { name: string; ready: string; status: string; restarts: string; age: string }[];
  event?: { atMs: number; reason: string; type: string; message: string };
  errors?: { field: string; message: string }[];
}

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Msg[] }).received);
const send = (page: Page, msg: unknown) =>
  page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), msg);

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const GOOD_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: from-the-host
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'echo hello; sleep 3600']
`;

test.describe('iframe + postMessage API', () => {
  test('a host page on another origin drives the frame and hears ready, state and events', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto(hostPage());

    // ready, then a state with the kubectl columns of the default scenario
    await expect.poll(async () => (await received(page)).map((m) => m.type)).toContain('ready');
    await expect
      .poll(async () => (await received(page)).find((m) => m.type === 'state')?.pods?.[0]?.name)
      .toBe('myapp-pod');
    const first = (await received(page)).find((m) => m.type === 'state')!;
    expect(Object.keys(first.pods![0]!).sort()).toEqual([
      'age',
      'name',
      'ready',
      'restarts',
      'status',
    ]);

    // the frame is in embed mode: no app chrome, playback kept
    const frame = page.frameLocator('#frame');
    await expect(frame.locator('.podscope-root--embed')).toBeVisible();
    await expect(frame.locator('.podscope-header')).toBeHidden();
    await expect(frame.getByRole('button', { name: 'Scenarios' })).toHaveCount(0);
    await expect(frame.getByRole('toolbar', { name: 'Playback' })).toBeVisible();

    // play at 10×: events stream in and the state moves on
    await send(page, { source: 'podscope', type: 'speed', value: 10 });
    await send(page, { source: 'podscope', type: 'play' });
    await expect
      .poll(async () => (await received(page)).filter((m) => m.type === 'event').length)
      .toBeGreaterThan(3);
    await expect
      .poll(async () => (await received(page)).filter((m) => m.type === 'state').at(-1)?.nowMs ?? 0)
      .toBeGreaterThan(1000);
    await send(page, { source: 'podscope', type: 'pause' });
    // the pause is a message too: let what the frame posted before it arrive
    await expect(frame.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    let settled = -1;
    await expect
      .poll(async () => {
        const n = (await received(page)).length;
        const same = n === settled;
        settled = n;
        return same;
      })
      .toBe(true);
    const events = (await received(page)).filter((m) => m.type === 'event').map((m) => m.event!);
    expect(events[0]!.reason).toBe('Scheduled');
    // each event once, in time order
    expect(events.map((e) => e.atMs)).toEqual([...events.map((e) => e.atMs)].sort((a, b) => a - b));
    expect(new Set(events.map((e) => JSON.stringify(e))).size).toBe(events.length);

    // seek back: nothing is re-sent
    const before = (await received(page)).length;
    await send(page, { source: 'podscope', type: 'seek', ms: 0 });
    await expect(frame.getByRole('status', { name: 'Cluster time' })).toHaveText('0:00');
    const afterSeek = (await received(page)).slice(before);
    const seen = new Set(events.map((e) => JSON.stringify(e)));
    const resent = afterSeek.filter((m) => m.type === 'event' && seen.has(JSON.stringify(m.event)));
    expect(resent).toEqual([]);
    expect(afterSeek.filter((m) => m.type === 'event')).toEqual([]);

    // dispatch an engine action: a new future with new events
    await send(page, { source: 'podscope', type: 'seek', ms: 30_000 });
    await send(page, { source: 'podscope', type: 'dispatch', action: { kind: 'delete-pod' } });
    await send(page, { source: 'podscope', type: 'play' });
    await expect
      .poll(async () =>
        (await received(page)).some((m) => m.type === 'event' && m.event!.reason === 'Killing'),
      )
      .toBe(true);
    await send(page, { source: 'podscope', type: 'pause' });

    // a bad manifest is answered with errors and changes nothing
    await send(page, {
      source: 'podscope',
      type: 'load',
      manifest: GOOD_MANIFEST.replace('name: app', 'name: Not_Valid'),
    });
    await expect
      .poll(async () => (await received(page)).some((m) => m.type === 'error'))
      .toBe(true);
    const error = (await received(page)).find((m) => m.type === 'error')!;
    expect(error.errors![0]!.field).toBe('spec.containers[0].name');
    expect(error.errors![0]!.message).toContain('Invalid value: "Not_Valid"');
    await expect(frame.getByText('myapp-pod').first()).toBeVisible();

    // a good one replaces the run
    await send(page, { source: 'podscope', type: 'load', manifest: GOOD_MANIFEST });
    await expect
      .poll(
        async () =>
          (await received(page)).filter((m) => m.type === 'state').at(-1)?.pods?.[0]?.name,
      )
      .toBe('from-the-host');

    // malformed messages are ignored with a warning
    await send(page, { source: 'podscope', type: 'seek', ms: 'soon' });
    await send(page, { source: 'podscope', type: 'explode' });
    await expect
      .poll(() => warnings.filter((w) => w.includes('[podscope] ignored')).length)
      .toBe(2);

    expect((await received(page)).every((m) => m.source === 'podscope')).toBe(true);
    expect(errors).toEqual([]);
  });

  test('a page from an origin not allowed gets nothing, and cannot drive the frame', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    for (const allow of ['https://docs.example.com', '*', '']) {
      await page.goto(hostPage(`allow=${encodeURIComponent(allow)}`));
      const frame = page.frameLocator('#frame');
      await expect(frame.getByRole('toolbar', { name: 'Playback' })).toBeVisible();
      await send(page, { source: 'podscope', type: 'play' });
      await send(page, { source: 'podscope', type: 'seek', ms: 60_000 });
      await page.waitForTimeout(1_500);
      expect(await received(page)).toEqual([]);
      await expect(frame.getByRole('status', { name: 'Cluster time' })).toHaveText('0:00');
    }
    expect(errors).toEqual([]);
  });

  test('the frame starts its engine only when visible, and pauses off-screen', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(hostPage(`spacer=1&extra=${encodeURIComponent('autoplay=1&speed=10')}`));
    await expect.poll(async () => (await received(page)).map((m) => m.type)).toContain('ready');
    await page.waitForTimeout(1_500);
    // below the fold: listening, but no simulation yet
    expect((await received(page)).filter((m) => m.type === 'state')).toEqual([]);

    await page.locator('#frame').scrollIntoViewIfNeeded();
    await expect
      .poll(async () => (await received(page)).filter((m) => m.type === 'state').at(-1)?.nowMs ?? 0)
      .toBeGreaterThan(2_000);

    // scrolled away: paused (rows stop ageing, so no new state)
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    const count = (await received(page)).length;
    await page.waitForTimeout(1_500);
    expect((await received(page)).length).toBe(count);

    // back in view: it resumes
    await page.locator('#frame').scrollIntoViewIfNeeded();
    await expect.poll(async () => (await received(page)).length).toBeGreaterThan(count);
    expect(errors).toEqual([]);
  });

  test('embed parameters: language, theme, panels, autoplay, speed, scenario', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(
      `${APP}/index.html?embed=1&lang=zh-CN&theme=dark&panels=anatomy&autoplay=1&speed=5&scenario=default`,
    );
    const shell = page.locator('.podscope-root--embed');
    await expect(shell).toBeVisible();
    await expect(shell).toHaveClass(/podscope-hide--kubectl/);
    await expect(page.locator('.podscope-anatomy')).toBeVisible();
    await expect(page.locator('.podscope-side')).toBeHidden();
    await expect(page.locator('.podscope-timeline-slot')).toBeHidden();
    await expect(page.locator('.podscope-root')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('toolbar', { name: '播放' })).toBeVisible();
    await expect(page.locator('.podscope-header')).toBeHidden();
    const clock = page.locator('.podscope-clock');
    await expect(clock).not.toHaveText('0:00', { timeout: 10_000 });

    // any scenario of the gallery, by id
    await page.goto(`${APP}/index.html?embed=1&scenario=crash-loop-backoff`);
    await expect(page.getByText('crasher').first()).toBeVisible();
    await expect(page.getByText('myapp-pod')).toHaveCount(0);

    // an unknown scenario: a clear message and the default scenario
    await page.goto(`${APP}/index.html?embed=1&scenario=no-such-thing`);
    await expect(page.getByRole('alert')).toContainText('no-such-thing');
    await expect(page.getByText('myapp-pod').first()).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('share links', () => {
  // The full app with its header and panels: give it a desktop-sized window.
  test.use({ viewport: { width: 1280, height: 1000 } });

  test('the link restores the run exactly; a damaged one shows a message and the default', async ({
    page,
    context,
  }) => {
    const errors = collectErrors(page);
    await page.goto(`${APP}/index.html?lang=en`);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.locator('.podscope-clock')).not.toHaveText('0:00', { timeout: 10_000 });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    // the frame that confirms the pause carries the final time
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await page.waitForTimeout(300);
    const clock = (await page.locator('.podscope-clock').textContent()) ?? '';

    await page.getByRole('button', { name: 'Share / Embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share or embed this run' });
    await expect(dialog).toBeVisible();
    const link = dialog.getByRole('textbox', { name: 'Link', exact: true });
    await expect(link).toHaveValue(/#v1=/);
    const url = await link.inputValue();
    for (const name of [
      'iframe',
      'Web component',
      'Docusaurus (MDX)',
      'VitePress (Markdown)',
      'MkDocs (Markdown)',
    ])
      await expect(dialog.getByRole('textbox', { name })).toHaveValue(/v1=/);
    // an accessible modal: focus inside, no axe violations, Escape closes it
    await expect(dialog.locator(':focus')).toHaveCount(1);
    const axe = await new AxeBuilder({ page }).include('.podscope-share').analyze();
    expect(axe.violations).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Share / Embed' })).toBeFocused();

    const opened = await context.newPage();
    await opened.goto(url);
    await expect(opened.locator('.podscope-clock')).toHaveText(clock);
    await expect(opened.getByRole('combobox', { name: 'Speed' })).toHaveValue('5');
    await expect(opened.getByRole('alert')).toHaveCount(0);

    // one character changed in the payload
    const hash = new URL(url).hash;
    const i = hash.length - 10;
    const tampered = `${url.split('#')[0]}${hash.slice(0, i)}${hash[i] === 'A' ? 'B' : 'A'}${hash.slice(i + 1)}`;
    await opened.goto('about:blank');
    await opened.goto(tampered);
    await expect(opened.getByRole('alert')).toContainText('damaged or was changed');
    await expect(opened.getByText('myapp-pod').first()).toBeVisible();
    await expect(opened.locator('.podscope-clock')).toHaveText('0:00');

    // a link of another format version
    await opened.goto('about:blank');
    await opened.goto(`${APP}/index.html#v9=abc`);
    await expect(opened.getByRole('alert')).toContainText('another version of Podscope');
    await expect(opened.getByText('myapp-pod').first()).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('web component', () => {
  test('two <pod-scope> elements run different scenarios at once, each on its own', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      (window as unknown as { __globalsBefore: string[] }).__globalsBefore = Object.keys(window);
    });
    const errors = collectErrors(page);
    await page.goto(`${HOST}/pages/elements.html`);
    const first = page.locator('#first');
    const second = page.locator('#second');

    // each its own run, language and store, in its own shadow root
    await expect(first.getByText('myapp-pod').first()).toBeVisible();
    await expect(second.getByText('second-pod').first()).toBeVisible();
    await expect(first.getByRole('toolbar', { name: 'Playback' })).toBeVisible();
    await expect(second.getByRole('toolbar', { name: '播放' })).toBeVisible();
    const stores = await page.evaluate(() =>
      [...document.querySelectorAll('pod-scope')].map((el) => {
        const s = (
          el as unknown as { store?: { getState(): Record<string, unknown> } }
        ).store!.getState();
        return { transport: s.transport, hasShadow: !!el.shadowRoot };
      }),
    );
    expect(stores).toEqual([
      { transport: 'worker', hasShadow: true },
      { transport: 'worker', hasShadow: true },
    ]);

    // the first autoplays; the second waits for its Play, then runs at its own speed
    const firstClock = first.locator('.podscope-clock');
    const secondClock = second.locator('.podscope-clock');
    await expect(firstClock).not.toHaveText('0:00', { timeout: 10_000 });
    await expect(secondClock).toHaveText('0:00');
    await second.getByRole('button', { name: '播放', exact: true }).click();
    await expect(secondClock).not.toHaveText('0:00', { timeout: 10_000 });
    await first.getByRole('button', { name: 'Pause', exact: true }).click();
    const stopped = await firstClock.textContent();
    await page.waitForTimeout(1_200);
    await expect(firstClock).toHaveText(stopped ?? '');
    await expect(second.getByRole('button', { name: '暂停', exact: true })).toBeVisible();

    // nothing global touched: <html> as authored, no new globals, styles only in shadow roots
    expect(await page.evaluate(() => document.documentElement.getAttributeNames().sort())).toEqual([
      'lang',
    ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const newGlobals = await page.evaluate(() => {
      const before = new Set((window as unknown as { __globalsBefore: string[] }).__globalsBefore);
      return Object.keys(window).filter((k) => !before.has(k) && k !== '__globalsBefore');
    });
    expect(newGlobals).toEqual([]);
    expect(
      await page.evaluate(() => document.querySelectorAll('body style, body link').length),
    ).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/serif/);

    // removing an element tears its instance down
    await page.evaluate(() => document.querySelector('#second')!.remove());
    await expect(first.locator('.podscope-clock')).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('offline single file', () => {
  test.use({ viewport: { width: 1280, height: 1000 } });

  test('works when opened from disk through file://', async ({ page }) => {
    const errors = collectErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${SINGLE_FILE}`);
    await expect(page.getByText('myapp-pod').first()).toBeVisible();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.locator('.podscope-clock')).not.toHaveText('0:00', { timeout: 10_000 });
    expect(
      requests.filter(
        (u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'),
      ),
    ).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test.describe('strict Content-Security-Policy', () => {
  async function violations(page: Page) {
    return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  }
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
  });

  test('the <pod-scope> element runs on a strict-CSP page (no inline script, no eval)', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    const response = await page.goto(`${HOST}/strict/csp.html`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const el = page.locator('#strict');
    await expect(el.getByText('myapp-pod').first()).toBeVisible();
    await expect(el.locator('.podscope-clock')).not.toHaveText('0:00', { timeout: 10_000 });
    // the blob worker is refused by worker-src 'self': the same-thread engine runs instead
    expect(
      await page.evaluate(
        () =>
          (
            document.querySelector('#strict') as unknown as {
              store: { getState(): { transport: string } };
            }
          ).store.getState().transport,
      ),
    ).toBe('in-thread');
    const v = await violations(page);
    expect(v.filter((x) => x.startsWith('script-src'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the app runs under a strict CSP from a deep base path', async ({ page }) => {
    const errors = collectErrors(page);
    const response = await page.goto(`${HOST}/deep/base/path/app/index.html?embed=1`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.getByText('myapp-pod').first()).toBeVisible();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.locator('.podscope-clock')).not.toHaveText('0:00', { timeout: 10_000 });
    const v = await violations(page);
    expect(v.filter((x) => x.startsWith('script-src') || x.startsWith('worker-src'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
