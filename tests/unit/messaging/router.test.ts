import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../lib/messaging/router';

const opts = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const contentScript = { id: 'ext', url: 'https://acme.lightning.force.com/lightning/r/Account/001/view', tab: { id: 1 } };
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

describe('message router', () => {
  const searchCustomers = vi.fn(async () => [{ id: 'c1', name: 'Acme' }]);
  const loadSampleData = vi.fn(async () => ({ customers: 3 }));
  const route = createRouter({ searchCustomers, loadSampleData }, opts);

  it.each([
    ['another extension', { type: 'searchCustomers', payload: { query: 'a', limit: 5 } }, { id: 'evil' }, /another extension/],
    ['a web page (no id)', { type: 'searchCustomers', payload: { query: 'a', limit: 5 } }, { url: 'https://evil.example' }, /another extension/],
    ['a non-object', 'searchCustomers', contentScript, /must be an object/],
    ['null', null, contentScript, /must be an object/],
    ['an unknown type', { type: 'dropDatabase', payload: {} }, contentScript, /unknown message type "dropDatabase"/],
    ['a prototype key as type', { type: 'constructor', payload: {} }, contentScript, /unknown message type/],
    ['a bad payload field', { type: 'searchCustomers', payload: { query: 'a', limit: 500 } }, contentScript, /limit/],
    ['a missing payload', { type: 'searchCustomers' }, contentScript, /Invalid "searchCustomers"/],
    ['a page-only message from a content script', { type: 'loadSampleData', payload: {} }, contentScript, /only be sent from Rapport's own pages/],
    ['a type with no handler', { type: 'updateAction', payload: { actionId: 'a', status: 'done' } }, popup, /no handler/],
  ])('rejects %s with a clear error', async (_label, message, sender, error) => {
    const reply = await route(message, sender);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(error);
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

  it('turns a handler exception into an error reply', async () => {
    const failing = createRouter(
      {
        searchCustomers: async () => {
          throw new Error('db closed');
        },
      },
      opts,
    );
    expect(await failing({ type: 'searchCustomers', payload: { query: '', limit: 1 } }, popup)).toEqual({ ok: false, error: 'db closed' });
  });
});
