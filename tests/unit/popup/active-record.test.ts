import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askTabRecord, resolveTargetTabId, toLookup } from '../../../lib/popup/active-record';
import { resolvePopupContext } from '../../../lib/popup/popup-services';
import { AppDB } from '../../../lib/db/app-db';
import { customersRepo } from '../../../lib/db/repos/customers';

const ref = { crm: 'salesforce', objectType: 'account', recordId: '001Dn00000GlbXqIAJ', name: 'Globex Industrial' } as const;

describe('active CRM record', () => {
  it('uses ?tabId= when given, else the active tab of the last focused normal window', async () => {
    expect(await resolveTargetTabId('?tabId=42')).toBe(42);
    const query = vi.fn(async () => [{ id: 7 }]);
    fakeBrowser.tabs.query = query as unknown as typeof fakeBrowser.tabs.query;
    expect(await resolveTargetTabId('?tabId=abc')).toBe(7);
    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true, windowType: 'normal' });
  });

  it('asks the tab with rapport:get-record and accepts only a record ref', async () => {
    const send = vi.fn().mockResolvedValueOnce(ref).mockResolvedValueOnce({ crm: 'salesforce' }).mockRejectedValueOnce(new Error('no receiver'));
    fakeBrowser.tabs.sendMessage = send as unknown as typeof fakeBrowser.tabs.sendMessage;
    expect(await askTabRecord(3)).toEqual(ref);
    expect(send).toHaveBeenCalledWith(3, { type: 'rapport:get-record' });
    expect(await askTabRecord(3)).toBeNull();
    expect(await askTabRecord(3)).toBeNull();
  });

  it('gives up on a tab that never answers', async () => {
    fakeBrowser.tabs.sendMessage = (() => new Promise(() => undefined)) as unknown as typeof fakeBrowser.tabs.sendMessage;
    expect(await askTabRecord(3, 20)).toBeNull();
  });

  it('matches the record to a customer, or lists candidates for an unknown one', async () => {
    const db = new AppDB(`test-active-${Math.random()}`);
    await customersRepo(db).bulkPut([
      {
        id: 'C-1002',
        name: 'Globex Industrial',
        emails: [],
        createdAt: '2020-01-01',
        crmRefs: [{ crm: 'salesforce', objectType: 'account', id: ref.recordId }],
      },
      { id: 'C-9', name: 'Unknown Prospect', emails: [], createdAt: '2020-01-01', crmRefs: [] },
      { id: 'C-10', name: 'Unknown Prospect', emails: [], createdAt: '2020-01-01', crmRefs: [] },
    ]);
    fakeBrowser.tabs.sendMessage = (async () => ref) as unknown as typeof fakeBrowser.tabs.sendMessage;
    expect(await resolvePopupContext(db, '?tabId=5')).toEqual({
      record: ref,
      customer: { id: 'C-1002', name: 'Globex Industrial' },
      candidates: [],
      emptyBook: false,
    });
    const unknown = { ...ref, recordId: '001Dn00000ZzUnkIAF', name: 'Unknown Prospect' };
    fakeBrowser.tabs.sendMessage = (async () => unknown) as unknown as typeof fakeBrowser.tabs.sendMessage;
    const ctx = await resolvePopupContext(db, '?tabId=5');
    expect(ctx.customer).toBeNull();
    expect(ctx.candidates.map((c) => c.id).sort()).toEqual(['C-10', 'C-9']);
    expect(toLookup(unknown)).toEqual({ ref: { crm: 'salesforce', objectType: 'account', id: '001Dn00000ZzUnkIAF' }, name: 'Unknown Prospect' });
    await db.delete();
  });
});
