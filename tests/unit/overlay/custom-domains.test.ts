import { describe, expect, it } from 'vitest';
import { originFor, syncCustomDomainScripts, type ScriptingApi } from '../../../lib/overlay/custom-domains';

function fakeApi(granted: string[], registered: string[] = []): ScriptingApi & { calls: string[]; registered: () => Promise<string[]> } {
  let current = [...registered];
  const calls: string[] = [];
  return {
    calls,
    hasOrigin: async (o) => granted.includes(o),
    registered: async () => current,
    unregister: async () => {
      calls.push('unregister');
      current = [];
    },
    register: async (m) => {
      calls.push(`register ${m.join(' ')}`);
      current = m;
    },
  };
}

describe('custom-domain content scripts', () => {
  it('registers the content script only for hosts whose permission was granted', async () => {
    const api = fakeApi(['https://crm.contoso.local/*']);
    const got = await syncCustomDomainScripts(
      [
        { crm: 'dynamics', host: 'CRM.contoso.local' },
        { crm: 'salesforce', host: 'sales.acme.example' },
      ],
      api,
    );
    expect(got).toEqual(['https://crm.contoso.local/*']);
    expect(api.calls).toEqual(['register https://crm.contoso.local/*']);
  });

  it('does nothing when the registration is already right, and unregisters when nothing is granted', async () => {
    const api = fakeApi(['https://a.example/*'], ['https://a.example/*']);
    await syncCustomDomainScripts([{ crm: 'zoho', host: 'a.example' }], api);
    expect(api.calls).toEqual([]);
    await syncCustomDomainScripts([], api);
    expect(api.calls).toEqual(['unregister']);
  });

  it('builds https-only origin patterns', () => {
    expect(originFor(' Sales.Acme.example ')).toBe('https://sales.acme.example/*');
  });
});
