/**
 * Today as a day's plan on the built extension with the sample book: the plan holds the
 * default capacity (15) of what is due, the rest waits in the backlog, stale revisits are
 * snoozed together (the real background's updateActions), and the plan follows a filter.
 */
import { test, expect } from './support/extension';

test('Today plans 15 actions, the rest waits; stale revisits snooze together; a kind filter narrows the plan', async ({ extensionPage }) => {
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

  const today = page.locator('[data-rapport-today]');
  await expect(today).toHaveAttribute('data-planned', '15', { timeout: 30_000 });
  const backlog = Number(await today.getAttribute('data-backlog'));
  expect(backlog).toBeGreaterThan(0);
  const actions = page.locator('[data-rapport-action]');
  await expect(actions).toHaveCount(15);
  const asOf = (await page.locator('[data-as-of]').getAttribute('data-as-of'))!;
  for (const due of await actions.evaluateAll((els) => els.map((e) => e.getAttribute('data-due')!))) expect(due <= asOf).toBe(true);

  // Bulk snooze the stale revisits of the tier with the fewest (each is rescored: keep it short).
  const stale = page.locator('[data-rapport-stale]');
  let best: { tier: string; count: number } | null = null;
  for (const tier of ['platinum', 'gold', 'iron', 'lead']) {
    await page.getByLabel('Tier').selectOption(tier);
    const count = Number((await stale.count()) ? await stale.getAttribute('data-rapport-stale') : 0);
    if (count > 0 && (!best || count < best.count)) best = { tier, count };
  }
  expect(best, 'some tier has stale revisits').not.toBeNull();
  await page.getByLabel('Tier').selectOption(best!.tier);
  await expect(stale).toHaveAttribute('data-rapport-stale', String(best!.count));
  const planned = Number(await today.getAttribute('data-planned')) + Number(await today.getAttribute('data-backlog'));
  await stale.getByRole('button', { name: 'Snooze all for 2 weeks' }).click();
  await expect(page.getByRole('status')).toContainText(`Snoozed ${best!.count} stale revisits until`, { timeout: 120_000 });
  await expect(stale).toHaveCount(0);
  await expect
    .poll(async () => Number(await today.getAttribute('data-planned')) + Number(await today.getAttribute('data-backlog')))
    .toBeLessThanOrEqual(planned - best!.count);

  // Filter by the kind of the last planned action: the plan then holds only that kind.
  await page.getByLabel('Tier').selectOption('');
  await expect(today).toHaveAttribute('data-planned', '15');
  const kind = (await actions.last().getAttribute('data-kind'))!;
  await page.getByLabel('Action kind').selectOption(kind);
  await expect
    .poll(async () => {
      const kinds = await actions.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      return kinds.length > 0 && kinds.every((k) => k === kind);
    })
    .toBe(true);
});
