import { describe, expect, it, vi } from 'vitest';
import { onInstalled, WELCOME_PATH, type InstallApi } from '../../../lib/services/install';
import { CRM_MATCHES } from '../../../lib/crm/registry';

const fakeApi = (tabs: number[], failing: number[] = []) => {
  const api = {
    openTab: vi.fn(async () => undefined),
    tabsMatching: vi.fn(async () => tabs),
    inject: vi.fn(async (id: number) => {
      if (failing.includes(id)) throw new Error('Cannot access contents of the page');
    }),
    url: (p: string) => `chrome-extension://abc${p}`,
  } satisfies InstallApi;
  return api;
};

describe('first run on install', () => {
  it('opens the welcome page and puts the content script into the CRM tabs already open', async () => {
    const api = fakeApi([3, 7, 9], [7]);
    expect(await onInstalled('install', api)).toEqual([3, 9]);
    expect(api.openTab).toHaveBeenCalledExactlyOnceWith(`chrome-extension://abc${WELCOME_PATH}`);
    expect(api.tabsMatching).toHaveBeenCalledWith(CRM_MATCHES);
    expect(api.inject.mock.calls).toEqual([
      [3, 'content-scripts/crm.js'],
      [7, 'content-scripts/crm.js'],
      [9, 'content-scripts/crm.js'],
    ]);
  });

  it('does nothing on an update or a browser update', async () => {
    for (const reason of ['update', 'chrome_update', 'shared_module_update']) {
      const api = fakeApi([3]);
      expect(await onInstalled(reason, api)).toEqual([]);
      expect(api.openTab).not.toHaveBeenCalled();
      expect(api.inject).not.toHaveBeenCalled();
    }
  });
});
