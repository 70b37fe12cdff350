/**
 * The Pipedrive mock's `cacheLists` (tests/mocks/pipedrive.ts): a listing's pages come from one
 * filtered, sorted list while the store is unchanged, and a change made through the store
 * between two pages is seen by the next page, as without the cache.
 */
import { describe, expect, it } from 'vitest';
import { PipedriveMock } from '../../mocks/pipedrive';

const seeded = (cacheLists: boolean) => {
  const mock = new PipedriveMock({ now: Date.parse('2026-11-20T09:00:00Z'), cacheLists, burstLimit: 1_000 });
  const orgs = mock.store.seed({
    customers: Array.from({ length: 5 }, (_, i) => ({ id: `C${i}`, name: `Org ${i}`, emails: [], createdAt: '2026-01-01', crmRefs: [] })),
  });
  return { mock, token: mock.newToken(), orgs: [...orgs.values()] };
};

async function page(mock: PipedriveMock, token: string, cursor?: string): Promise<{ names: string[]; next: string | null }> {
  const url = new URL('https://acme.pipedrive.com/api/v2/organizations?limit=2');
  if (cursor) url.searchParams.set('cursor', cursor);
  const res = await mock.handle({ method: 'GET', url, headers: { 'x-api-token': token }, body: '' });
  const body = res.body as { data: { name: string }[]; additional_data: { next_cursor: string | null } };
  return { names: body.data.map((o) => o.name), next: body.additional_data.next_cursor };
}

describe('Pipedrive mock: cached listings', () => {
  for (const cacheLists of [false, true])
    it(`pages a listing the same way with cacheLists ${cacheLists}, and a store change between pages shows on the next one`, async () => {
      const { mock, token, orgs } = seeded(cacheLists);
      const first = await page(mock, token);
      expect(first.names).toEqual(['Org 0', 'Org 1']);
      mock.store.remove('organizations', orgs[2]!);
      const second = await page(mock, token, first.next!);
      expect(second.names).toEqual(['Org 3', 'Org 4']);
      expect(second.next).toBeNull();
    });
});
