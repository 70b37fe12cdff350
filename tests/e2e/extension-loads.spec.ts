import { test, expect } from './support/extension';

test('the built extension loads and its pages render', async ({ extensionId, extensionPage }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  for (const name of ['popup', 'sidepanel', 'options'] as const) {
    const page = await extensionPage(name);
    await expect(page.locator('#root')).not.toBeEmpty();
    await page.close();
  }
});
