/**
 * The manifest editor: it loads on demand, places the API server's field errors at their lines,
 * imports `kubectl get pod -o yaml` output with the server's fields dropped, applies it, and
 * keeps the text across a reload.
 */
import { expect, test } from '@playwright/test';

const FROM_CLUSTER = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: "2026-03-02T10:11:12Z"
  name: imported-web
  namespace: default
  resourceVersion: "48213"
  uid: 0c1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6
spec:
  containers:
  - image: nginx:1.27
    name: nginx
  - image: redis:7
    name: nginx
  nodeName: worker-3
status:
  phase: Running
`;

test('import, see a field error at its line, fix it, apply, and keep the text on reload', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await page.getByRole('button', { name: 'Edit YAML', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Manifest' });
  await expect(editor.getByRole('textbox', { name: 'Pod manifest (YAML)' })).toBeVisible();

  await editor.getByText('Import', { exact: true }).click();
  await editor.getByLabel(/Paste a Pod, ReplicaSet or Deployment/).fill(FROM_CLUSTER);
  await editor.getByRole('button', { name: 'Import into the editor' }).click();
  await expect(
    editor.getByText(/Imported a Pod\. Dropped for the simulation: status, /),
  ).toBeVisible();
  await editor.getByRole('button', { name: 'Show the original as pasted' }).click();
  await expect(
    editor
      .getByRole('figure', { name: /^Original, as pasted/ })
      .getByText(/resourceVersion: "48213"/),
  ).toBeVisible();

  // The pasted pod reuses a container name: the API server's wording, on the second name: line.
  await expect(
    editor.getByRole('button', {
      name: /^Line \d+: spec\.containers\[1\]\.name: Duplicate value: "nginx"$/,
    }),
  ).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Apply' })).toBeDisabled();

  // Fix it in the editor: the problem puts the cursor on the `name` key; rename the container.
  await editor.getByRole('button', { name: /^Line \d+: spec\.containers\[1\]/ }).click();
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('name: cache');
  await expect(editor.getByText('No problems found.')).toBeVisible();
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByText('Applied: the run restarted with your manifest.')).toBeVisible();
  await expect(page.getByText('imported-web').first()).toBeVisible();

  await page.reload();
  await page.getByRole('button', { name: 'Edit YAML', exact: true }).click();
  await expect(
    page.getByRole('region', { name: 'Manifest' }).getByText('name: cache'),
  ).toBeVisible();
  expect(errors).toEqual([]);
});
