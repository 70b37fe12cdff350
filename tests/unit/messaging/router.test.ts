import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../lib/messaging/router';
import { CodedError } from '../../../lib/messaging/errors';

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
      contentScript,
      { code: 'value.too-big', field: 'limit', params: { max: 50 } },
    ],
    ['a missing payload', { type: 'searchCustomers' }, contentScript, { code: 'value.required' }],
    ['a missing payload field', { type: 'searchCustomers', payload: { query: 'a' } }, contentScript, { code: 'value.required', field: 'limit' }],
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
    const reply = await route({ type: 'searchCustomers', payload: { query: 'acme', limit: 5 } }, contentScript);
    expect(reply).toEqual({ ok: true, data: [{ id: 'c1', name: 'Acme' }] });
    expect(searchCustomers).toHaveBeenCalledWith({ query: 'acme', limit: 5 }, contentScript);
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
