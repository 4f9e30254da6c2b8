import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The design's desktop size (pod-view-mock.png).
test.use({ viewport: { width: 1440, height: 900 } });

/** The lines a terminal pane shows, prompt included. */
async function terminalLines(page: Page, command: string): Promise<string[]> {
  const text = await page
    .getByRole('region', { name: `Terminal output of ${command}` })
    .innerText();
  return text.split('\n').filter((l) => l.trim() !== '');
}

test('kubectl panels and the timeline move with the simulation', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');

  const panels = page.getByRole('region', { name: 'kubectl', exact: true });
  const tabs = panels.getByRole('tablist', { name: 'kubectl output' });
  await expect(tabs.getByRole('tab', { name: 'get pods -w' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // Play: `kubectl get pods -w` appends a line at each change of the pod's row.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const watch = page.getByRole('region', { name: 'Terminal output of kubectl get pods -w' });
  await expect(watch).toContainText('NAME        READY   STATUS');
  await expect(watch).toContainText('Running', { timeout: 20_000 });
  const grown = await terminalLines(page, 'kubectl get pods -w');
  expect(grown.length).toBeGreaterThanOrEqual(5);
  expect(grown[0]).toBe('$ kubectl get pods -w');
  expect(grown[2]).toMatch(/^myapp-pod\s+0\/2\s+Pending\s+0\s+0s$/);

  // describe, opened with the keyboard (ARIA tabs: arrows move and select).
  await tabs.getByRole('tab', { name: 'get pods -w' }).focus();
  await page.keyboard.press('ArrowRight');
  const describeTab = tabs.getByRole('tab', { name: 'describe' });
  await expect(describeTab).toHaveAttribute('aria-selected', 'true');
  await expect(describeTab).toBeFocused();
  const describe = page.getByRole('region', {
    name: 'Terminal output of kubectl describe pod myapp-pod',
  });
  await expect(describe).toContainText('Name:             myapp-pod');
  await expect(describe).toContainText('Conditions:');
  await expect(describe).toContainText(/Events:\n {2}Type {4}Reason/);

  // The Events table under the tabs, aggregated as describe prints it.
  const events = panels.getByRole('table', { name: 'Events (kubectl describe pod myapp-pod)' });
  await expect(events.getByRole('row', { name: /Scheduled/ })).toContainText('default-scheduler');
  await expect(events.getByRole('row', { name: /Started/ }).first()).toContainText('kubelet');

  // logs: pick a container, toggle --previous.
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'logs' })).toHaveAttribute('aria-selected', 'true');
  await panels.getByRole('combobox', { name: 'Container' }).selectOption('web');
  await expect(
    page.getByRole('region', { name: /Terminal output of kubectl logs myapp-pod -c web$/ }),
  ).toBeVisible();
  await panels.getByRole('checkbox', { name: 'Previous instance (--previous)' }).check();
  const previous = page.getByRole('region', {
    name: 'Terminal output of kubectl logs myapp-pod -c web --previous',
  });
  await expect(previous).toContainText('--previous');

  // YAML: End jumps to the last tab.
  await tabs.getByRole('tab', { name: 'logs' }).focus();
  await page.keyboard.press('End');
  const yaml = page.getByRole('region', {
    name: 'Terminal output of kubectl get pod myapp-pod -o yaml',
  });
  await expect(yaml).toContainText('apiVersion: v1\nkind: Pod');
  await expect(yaml).toContainText('status:');

  // The timeline is a slider: pause, then click early on a lane to seek back.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const slider = page.getByRole('slider', { name: 'Timeline, cluster time' });
  const before = Number(await slider.getAttribute('aria-valuenow'));
  expect(before).toBeGreaterThan(3);
  const box = (await slider.boundingBox())!;
  await page.mouse.click(box.x + 152, box.y + box.height / 2);
  await expect
    .poll(async () => Number(await slider.getAttribute('aria-valuenow')))
    .toBeLessThan(before);
  await expect(slider).toHaveAttribute('aria-valuetext', /^cluster time 0:0\d of /);

  // The watch history is cut back to the new present.
  await tabs.getByRole('tab', { name: 'get pods -w' }).click();
  const after = await terminalLines(page, 'kubectl get pods -w');
  expect(after.length).toBeLessThan(grown.length);

  // Arrow keys step the slider by one cluster second.
  const at = Number(await slider.getAttribute('aria-valuenow'));
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuenow', String(at + 1));

  // No axe violations in the panels and the timeline, in both themes.
  for (const theme of ['Light', 'Dark']) {
    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: theme }).click();
    const axe = await new AxeBuilder({ page })
      .include('.podscope-panels')
      .include('.podscope-timeline')
      .analyze();
    expect(axe.violations, theme).toEqual([]);
  }

  expect(errors).toEqual([]);
});
