import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../lib/messaging/router';
import { CodedError } from '../../../lib/messaging/errors';
import { CONTENT_SCRIPT_MESSAGES } from '../../../lib/schemas/messages';

const opts = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const contentScript = { id: 'ext', url: 'https://acme.lightning.force.com/lightning/r/Account/001/view', tab: { id: 1 } };
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

describe('message router', () => {
  const searchCustomers = vi.fn(async () => [{ id: 'c1', name: 'Acme' }]);
  const loadSampleData = vi.fn(async () => ({ customers: 3 }));
  const route = createRouter({ searchCustomers, loadSampleData }, opts);

  it.each([
    ['another extension', { type: 'searchCustomers', payload: { query: 'a', limit: 5 } }, { id: 'evil' }, { code: 'message.rejected-sender' }],
    [
      'a web page (no id)',
      { type: 'searchCustomers', payload: { query: 'a', limit: 5 } },
      { url: 'https://evil.example' },
      { code: 'message.rejected-sender' },
    ],
    ['a non-object', 'searchCustomers', contentScript, { code: 'message.malformed' }],
    ['null', null, contentScript, { code: 'message.malformed' }],
    ['an unknown type', { type: 'dropDatabase', payload: {} }, contentScript, { code: 'message.unknown-type', params: { type: 'dropDatabase' } }],
    ['a prototype key as type', { type: 'constructor', payload: {} }, contentScript, { code: 'message.unknown-type', params: { type: 'constructor' } }],
    [
      'a bad payload field',
      { type: 'searchCustomers', payload: { query: 'a', limit: 500 } },
      popup,
      { code: 'value.too-big', field: 'limit', params: { max: 50 } },
    ],
    ['a missing payload', { type: 'searchCustomers' }, popup, { code: 'value.required' }],
    ['a missing payload field', { type: 'searchCustomers', payload: { query: 'a' } }, popup, { code: 'value.required', field: 'limit' }],
    [
      'a customer search from a content script (the whole book, 50 names a query)',
      { type: 'searchCustomers', payload: { query: 'a', limit: 50 } },
      contentScript,
      { code: 'message.page-only', params: { type: 'searchCustomers' } },
    ],
    [
      'a quick-log from a content script',
      { type: 'logInteraction', payload: { customerId: 'c1', date: '2026-01-01', channel: 'call', summary: 'x' } },
      contentScript,
      { code: 'message.page-only', params: { type: 'logInteraction' } },
    ],
    ['the card’s request from a content script', { type: 'getCard', payload: {} }, contentScript, { code: 'message.page-only', params: { type: 'getCard' } }],
    [
      'a page-only message from a content script',
      { type: 'loadSampleData', payload: {} },
      contentScript,
      { code: 'message.page-only', params: { type: 'loadSampleData' } },
    ],
    ['a write from a content script', { type: 'deleteAllData', payload: {} }, contentScript, { code: 'message.page-only', params: { type: 'deleteAllData' } }],
    [
      'a type with no handler',
      { type: 'updateAction', payload: { actionId: 'a', status: 'done' } },
      popup,
      { code: 'message.no-handler', params: { type: 'updateAction' } },
    ],
  ])('rejects %s with an error code (no English text)', async (_label, message, sender, error) => {
    const reply = await route(message, sender);
    expect(reply).toEqual({ ok: false, error });
    expect(searchCustomers).not.toHaveBeenCalled();
  });

  it('runs the handler with the parsed payload for a valid message', async () => {
    const reply = await route({ type: 'searchCustomers', payload: { query: 'acme', limit: 5 } }, popup);
    expect(reply).toEqual({ ok: true, data: [{ id: 'c1', name: 'Acme' }] });
    expect(searchCustomers).toHaveBeenCalledWith({ query: 'acme', limit: 5 }, { ...popup, extensionPage: true });
  });

  it('lets content scripts send only what a CRM page needs, and tells handlers who sent it (a sender cannot claim to be a page)', async () => {
    const getRecordOverlay = vi.fn(async () => ({ state: 'unknown-customer' as const, linkable: false }));
    const r = createRouter({ getRecordOverlay }, opts);
    const lookup = { ref: { crm: 'salesforce', objectType: 'account', id: '001' } };
    expect(await r({ type: 'getRecordOverlay', payload: { lookup } }, { ...contentScript, extensionPage: true } as never)).toMatchObject({ ok: true });
    expect(getRecordOverlay).toHaveBeenCalledWith({ lookup }, { ...contentScript, extensionPage: false });
    const allowed = [...CONTENT_SCRIPT_MESSAGES].sort();
    expect(allowed).toEqual([
      'getContentSettings',
      'getLinkCandidates',
      'getOverlayStrings',
      'getRecordOverlay',
      'getRowChips',
      'trackCustomer',
      'updateAction',
    ]);
  });

  it('lets extension pages send page-only messages', async () => {
    const reply = await route({ type: 'loadSampleData', payload: {} }, popup);
    expect(reply).toEqual({ ok: true, data: { customers: 3 } });
  });

  it("answers a service's coded error as it is, and anything else as `internal` (its text stays in the console)", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = createRouter(
      {
        searchCustomers: async ({ query }) => {
          if (query === 'coded') throw new CodedError('customer.unknown', { customerId: 'C9' }, 'customerId');
          throw new Error('db closed');
        },
      },
      opts,
    );
    expect(await failing({ type: 'searchCustomers', payload: { query: 'coded', limit: 1 } }, popup)).toEqual({
      ok: false,
      error: { code: 'customer.unknown', field: 'customerId', params: { customerId: 'C9' } },
    });
    expect(await failing({ type: 'searchCustomers', payload: { query: '', limit: 1 } }, popup)).toEqual({ ok: false, error: { code: 'internal' } });
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
