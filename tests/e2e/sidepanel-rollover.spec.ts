/**
 * An open side panel moves "As of" at local midnight: a fixed clock (Playwright's clock) in an
 * explicit time zone (Asia/Shanghai, set through the DevTools protocol), one minute before
 * midnight, then past it.
 */
import { test, expect } from './support/extension';

test('an open side panel moves "As of" at local midnight', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Shanghai' });
  await page.clock.install({ time: new Date('2026-12-03T23:59:00+08:00') });
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const root = page.locator('[data-as-of]');
  await expect(root).toHaveAttribute('data-as-of', '2026-12-03');
  await expect(page.getByText('As of Dec 3, 2026')).toBeVisible();
  await page.clock.runFor(50_000);
  await expect(root).toHaveAttribute('data-as-of', '2026-12-03');
  await page.clock.runFor(15_000);
  await expect(root).toHaveAttribute('data-as-of', '2026-12-04');
  await expect(page.getByText('As of Dec 4, 2026')).toBeVisible();
});
