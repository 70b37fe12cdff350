import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { customersRepo } from '../../../lib/db/repos/customers';
import { generateSampleBook } from '../../../lib/sample/generate';
import { loadSampleBook } from '../../../lib/services/sample';
import { linkCandidates, recordOverlay, trackCustomer } from '../../../lib/services/overlay';
import { SAMPLE_AS_OF, STORIES, UNKNOWN_RECORD } from '../../../lib/sample/stories';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schemas/settings';
import type { Sender } from '../../../lib/messaging/router';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`overlay-never-log-${Math.random()}`);
  await db.open();
  await loadSampleBook(db, generateSampleBook({ customers: 60, asOf: SAMPLE_AS_OF }), DEFAULT_SETTINGS, SAMPLE_AS_OF);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const withList = (...neverLog: string[]): Settings => ({ ...DEFAULT_SETTINGS, neverLog });
const sfRef = (id: string) => ({ crm: 'salesforce' as const, objectType: 'account' as const, id });
const cs = (id: string, tab = 1): Sender => ({
  id: 'ext',
  url: `https://acme.lightning.force.com/lightning/r/Account/${id}/view`,
  tab: { id: tab },
  frameId: 0,
  extensionPage: false,
});
const popup: Sender = { id: 'ext', url: 'chrome-extension://ext/popup.html', extensionPage: true };
const u = UNKNOWN_RECORD.salesforce;
const globex = STORIES[1]!;
const refusal = (entry: string) => ({ error: { code: 'overlay.never-log', params: { entry } } });

describe('overlay: the privacy "never log" list on Track and Link', () => {
  it.each([
    ['its domain', 'unknown-prospect.example', { domain: 'https://www.unknown-prospect.example/' }],
    ['its email domain', '@Unknown-Prospect.example', { email: 'ceo@mail.unknown-prospect.example' }],
    ['its email address', 'ceo@unknown-prospect.example', { email: 'CEO@unknown-prospect.example' }],
    ['its CRM record id', u.id, {}],
  ])('a record the list names by %s creates no customer, and says which entry', async (_what, entry, hints) => {
    const S = withList('someone-else.example', entry);
    const lookup = { ref: sfRef(u.id), name: u.name, ...hints };
    const before = await db.customers.count();
    await recordOverlay(db, lookup, cs(u.id), S, SAMPLE_AS_OF);
    await expect(trackCustomer(db, lookup, undefined, cs(u.id), S, SAMPLE_AS_OF)).rejects.toMatchObject(refusal(entry));
    expect(await db.customers.count()).toBe(before);
    // still unknown: nothing was bound or stored for it
    expect(await recordOverlay(db, lookup, cs(u.id), S, SAMPLE_AS_OF)).toMatchObject({ state: 'unknown-customer' });
    // the popup (an extension page) is refused the same way
    await expect(trackCustomer(db, lookup, undefined, popup, S, SAMPLE_AS_OF)).rejects.toMatchObject(refusal(entry));
    expect(await db.customers.count()).toBe(before);
  });

  it('a record on the list is not linked to a customer either; nor is any record linked to a customer on the list', async () => {
    const lookup = { ref: sfRef(u.id), name: globex.name, domain: 'globex.example' };
    const refsBefore = (await customersRepo(db).get(globex.customerId))!.crmRefs;

    // the customer is on the list (by its id)
    let S = withList(globex.customerId);
    await recordOverlay(db, lookup, cs(u.id), S, SAMPLE_AS_OF);
    expect((await linkCandidates(db, cs(u.id), S)).map((c) => c.id)).toContain(globex.customerId);
    await expect(trackCustomer(db, lookup, globex.customerId, cs(u.id), S, SAMPLE_AS_OF)).rejects.toMatchObject(refusal(globex.customerId));

    // the page's email is on the list
    S = withList('@partner.example');
    const page = { ...lookup, email: 'anna@partner.example' };
    await recordOverlay(db, page, cs(u.id, 2), S, SAMPLE_AS_OF);
    await linkCandidates(db, cs(u.id, 2), S);
    await expect(trackCustomer(db, page, globex.customerId, cs(u.id, 2), S, SAMPLE_AS_OF)).rejects.toMatchObject(refusal('@partner.example'));
    expect((await customersRepo(db).get(globex.customerId))!.crmRefs).toEqual(refsBefore);

    // with the entry gone, the same link goes through
    S = withList();
    await recordOverlay(db, page, cs(u.id, 3), S, SAMPLE_AS_OF);
    await linkCandidates(db, cs(u.id, 3), S);
    expect((await trackCustomer(db, page, globex.customerId, cs(u.id, 3), S, SAMPLE_AS_OF)).id).toBe(globex.customerId);
  });
});
