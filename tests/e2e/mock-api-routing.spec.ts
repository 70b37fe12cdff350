/**
 * Can e2e tests answer the background service worker's API calls from a mock? The connectors
 * run in the MV3 service worker (docs/crm-apis/salesforce.md), so a sync e2e needs
 * `context.route` to reach fetches made there, not only page requests. It does (Playwright
 * intercepts service-worker network in Chromium); what the worker may read of the answer then
 * depends on the host permission, as with the real API.
 */
import { routeTo, type MockRequest } from '../mocks/harness';
import { SalesforceMock } from '../mocks/salesforce';
import { expect, serviceWorkerOf, test } from './support/extension';

type SwAnswer = { status: number; header: string | null; body: unknown };

test('context.route answers fetch calls from the extension service worker at the real API origin', async ({ context }) => {
  const mock = new SalesforceMock();
  mock.store.insert('Account', { Name: 'Northwind Traders' });
  const sid = mock.newSession();
  await context.route('https://*.my.salesforce.com/**', routeTo(mock.handle));
  const sw = await serviceWorkerOf(context);
  const answer = await sw.evaluate(
    async ([url, session]): Promise<SwAnswer> => {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${session}` } });
      return { status: res.status, header: res.headers.get('sforce-limit-info'), body: (await res.json()) as unknown };
    },
    [`https://acme.my.salesforce.com/services/data/v66.0/query?q=${encodeURIComponent('SELECT Id, Name FROM Account')}`, sid] as const,
  );
  // A non-safelisted response header is readable: the install-time host permission lifts CORS.
  expect(answer).toMatchObject({ status: 200, header: 'api-usage=1/15000', body: { totalSize: 1, done: true, records: [{ Name: 'Northwind Traders' }] } });
  expect(mock.requests).toEqual([{ method: 'GET', path: expect.stringMatching(/^\/services\/data\/v66\.0\/query\?q=SELECT/), status: 200 }]);
});

test('a JSON POST to an API host without a granted permission reaches the mock, but its headers stay hidden (CORS)', async ({ context }) => {
  const seen: MockRequest[] = [];
  await context.route(
    'https://api.hubapi.com/**',
    routeTo((req) => {
      seen.push(req);
      return { status: 429, headers: { 'x-hubspot-ratelimit-remaining': '0' }, body: { status: 'error', policyName: 'TEN_SECONDLY_ROLLING' } };
    }),
  );
  const sw = await serviceWorkerOf(context);
  const answer = await sw.evaluate(async (): Promise<SwAnswer> => {
    const res = await fetch('https://api.hubapi.com/crm/v3/objects/calls', {
      method: 'POST',
      headers: { Authorization: 'Bearer pat-na1-x', 'Content-Type': 'application/json' },
      body: JSON.stringify({ properties: { hs_timestamp: '0' } }),
    });
    return { status: res.status, header: res.headers.get('x-hubspot-ratelimit-remaining'), body: (await res.json()) as unknown };
  });
  expect(answer).toEqual({ status: 429, header: null, body: { status: 'error', policyName: 'TEN_SECONDLY_ROLLING' } });
  expect(seen.map((r) => [r.method, r.url.pathname, r.headers.authorization, r.body])).toEqual([
    ['POST', '/crm/v3/objects/calls', 'Bearer pat-na1-x', '{"properties":{"hs_timestamp":"0"}}'],
  ]);
});
