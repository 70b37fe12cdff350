/**
 * The score's proof on the built extension with the sample book: the back-test stored by the
 * load's full rescore shows on "Score check" with its AUCs and a plain verdict; a customer opened
 * from Today shows risk and CLV with ranges and why its next action ranks there.
 */
import { test, expect } from './support/extension';

test('Score check shows the back-test; the customer view shows ranges and why the action ranks there', async ({ extensionPage }) => {
  test.slow();
  const page = await extensionPage('sidepanel');
  const reply = await page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage({
      type: 'loadSampleData',
      payload: {},
    }),
  );
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  await page.reload();

  await page.getByRole('tab', { name: 'Score check' }).click();
  await expect(page.getByRole('heading', { name: 'How good is my risk score?' })).toBeVisible();
  const bt = page.locator('[data-rapport-backtest]');
  await expect(bt).toHaveCount(1, { timeout: 60_000 });
  for (const attr of ['data-auc', 'data-recency-auc']) {
    const v = Number(await bt.getAttribute(attr));
    expect(v, attr).toBeGreaterThan(0);
    expect(v, attr).toBeLessThanOrEqual(1);
  }
  const verdict = await bt.getAttribute('data-verdict');
  expect(['beats', 'does-not-beat', 'not-measurable']).toContain(verdict);
  await expect(bt.getByRole('note')).toContainText(
    verdict === 'does-not-beat' ? 'does not rank' : verdict === 'beats' ? 'better than recency alone' : 'Not measurable',
  );
  await expect(bt.locator('[data-rapport-band]')).toHaveCount(3);

  await page.getByRole('tab', { name: 'Today' }).click();
  await page
    .locator('[data-rapport-action]')
    .first()
    .getByRole('button', { name: /^Open / })
    .click();
  const risk = page.locator('[data-rapport-risk]');
  await expect(risk).toHaveCount(1, { timeout: 30_000 });
  const [value, low, high] = await Promise.all(['data-value', 'data-low', 'data-high'].map(async (a) => Number(await risk.getAttribute(a))));
  expect(low!).toBeLessThanOrEqual(value!);
  expect(value!).toBeLessThanOrEqual(high!);
  await expect(page.locator('[data-rapport-clv]')).toContainText('80 % range');
  await expect(page.locator('[data-rapport-why] [data-rapport-why-part="base"]')).toHaveCount(1);
});
