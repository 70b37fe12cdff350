import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { customersRepo } from '../../../lib/db/repos/customers';
import { generateSampleBook } from '../../../lib/sample/generate';
import { loadSampleBook } from '../../../lib/services/sample';
import { linkCandidates, recordOverlay, rowChips, trackCustomer } from '../../../lib/services/overlay';
import { tabBindings } from '../../../lib/services/overlay-guard';
import { SAMPLE_AS_OF, STORIES, UNKNOWN_RECORD } from '../../../lib/sample/stories';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';
import type { Sender } from '../../../lib/messaging/router';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`overlay-${Math.random()}`);
  await db.open();
  await loadSampleBook(db, generateSampleBook({ customers: 150, asOf: SAMPLE_AS_OF }), DEFAULT_SETTINGS, SAMPLE_AS_OF);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const S = DEFAULT_SETTINGS;
const sfRef = (id: string) => ({ crm: 'salesforce' as const, objectType: 'account' as const, id });
/** A content script in tab `tab` of org `org` showing Salesforce account `id`. */
const cs = (id: string, org = 'acme', tab = 1): Sender => ({
  id: 'ext',
  url: `https://${org}.lightning.force.com/lightning/r/Account/${id}/view`,
  tab: { id: tab },
  frameId: 0,
  extensionPage: false,
});
const sidePanel: Sender = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html', extensionPage: true };
const [northwind, globex] = [STORIES[0]!, STORIES[1]!];

describe('overlay service: the page shows, never chooses', () => {
  it('shows the story customer for its exact ref: the badge row only (tier, risk, top reasons, next best action)', async () => {
    const o = await recordOverlay(db, { ref: sfRef(globex.crmIds.salesforce), name: 'whatever the page says' }, cs(globex.crmIds.salesforce), S, SAMPLE_AS_OF);
    expect(o.state).toBe('ready');
    if (o.state !== 'ready') return;
    expect(o.customer.id).toBe(globex.customerId);
    expect(Object.keys(o.score).sort()).toEqual(['nba', 'reasons', 'risk', 'riskScore', 'tier']);
    expect(o.score.reasons.length).toBeGreaterThan(0);
    expect(o.score.reasons.length).toBeLessThanOrEqual(3);
    expect(Object.keys(o).sort()).toEqual(['customer', 'score', 'state']);
  });

  it('reads the record from the sender URL: a request naming another record than the URL shows is refused', async () => {
    await expect(recordOverlay(db, { ref: sfRef(globex.crmIds.salesforce) }, cs(northwind.crmIds.salesforce), S, SAMPLE_AS_OF)).rejects.toMatchObject({
      error: { code: 'overlay.not-this-record' },
    });
    await expect(
      recordOverlay(db, { ref: sfRef(globex.crmIds.salesforce) }, { ...cs('x'), url: 'https://acme.lightning.force.com/lightning/page/home' }, S, SAMPLE_AS_OF),
    ).rejects.toMatchObject({ error: { code: 'overlay.not-a-record' } });
  });

  it('follows the tab’s URL after an in-app navigation (the frame’s own URL is the one it loaded with)', async () => {
    const moved: Sender = { ...cs(globex.crmIds.salesforce), tab: { id: 1, url: cs(northwind.crmIds.salesforce).url! } };
    const o = await recordOverlay(db, { ref: sfRef(northwind.crmIds.salesforce) }, moved, S, SAMPLE_AS_OF);
    expect(o.state === 'ready' && o.customer.id).toBe(northwind.customerId);
    await expect(recordOverlay(db, { ref: sfRef(globex.crmIds.salesforce) }, moved, S, SAMPLE_AS_OF)).rejects.toMatchObject({
      error: { code: 'overlay.not-this-record' },
    });
  });

  it('a domain, email or name match shows nothing of the customer: only that a link is possible', async () => {
    const u = UNKNOWN_RECORD.salesforce;
    const o = await recordOverlay(db, { ref: sfRef(u.id), name: globex.name, domain: 'globex.example' }, cs(u.id), S, SAMPLE_AS_OF);
    expect(o).toEqual({ state: 'unknown-customer', linkable: true });
    expect(await recordOverlay(db, { ref: sfRef(u.id), name: u.name }, cs(u.id), S, SAMPLE_AS_OF)).toEqual({ state: 'unknown-customer', linkable: false });
  });

  it('binds an unbound ref to the first tenant that shows it; the same record id in another tenant sees nothing', async () => {
    const id = globex.crmIds.salesforce;
    expect((await recordOverlay(db, { ref: sfRef(id) }, cs(id, 'acme'), S, SAMPLE_AS_OF)).state).toBe('ready');
    expect((await customersRepo(db).get(globex.customerId))!.crmRefs).toContainEqual({ ...sfRef(id), tenant: 'acme' });
    expect(await recordOverlay(db, { ref: sfRef(id), name: globex.name }, cs(id, 'evil', 2), S, SAMPLE_AS_OF)).toEqual({
      state: 'unknown-customer',
      linkable: true,
    });
    expect((await recordOverlay(db, { ref: sfRef(id) }, cs(id, 'acme', 3), S, SAMPLE_AS_OF)).state).toBe('ready');
  });

  it('the side panel (no tenant) gets the one customer holding the ref', async () => {
    const o = await recordOverlay(db, { ref: sfRef(globex.crmIds.salesforce) }, sidePanel, S, SAMPLE_AS_OF);
    expect(o.state === 'ready' && o.customer.id).toBe(globex.customerId);
  });

  it('gives chips only for the rows it knows, in the tab’s tenant', async () => {
    const ids = [STORIES[0]!.crmIds.hubspot, STORIES[2]!.crmIds.hubspot, UNKNOWN_RECORD.hubspot.id];
    const chips = await rowChips(db, 'hubspot', 'account', ids, '123');
    expect(Object.keys(chips).sort()).toEqual([ids[0], ids[1]].sort());
    expect(chips[ids[0]!]).toMatchObject({ customerId: STORIES[0]!.customerId });
    await customersRepo(db).bindRef(STORIES[0]!.customerId, { crm: 'hubspot', objectType: 'account', id: ids[0]! }, '123');
    expect(Object.keys(await rowChips(db, 'hubspot', 'account', ids, '999'))).toEqual([ids[1]]);
  });
});

describe('overlay service: link and track', () => {
  it('link candidates are names only, at most five, and only for the tab’s unresolved record', async () => {
    const u = UNKNOWN_RECORD.salesforce;
    await recordOverlay(db, { ref: sfRef(u.id), name: globex.name, domain: 'globex.example' }, cs(u.id), S, SAMPLE_AS_OF);
    const names = await linkCandidates(db, cs(u.id), S);
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(5);
    expect(names[0]).toEqual({ id: globex.customerId, name: globex.name });
    // Another record on the same tab (page script pushed the URL): no binding, no names.
    await expect(linkCandidates(db, cs('001Dn00000Other1IAA'), S)).rejects.toMatchObject({ error: { code: 'overlay.not-this-record' } });
  });

  it('links only to a customer the picker offered this tab', async () => {
    const u = UNKNOWN_RECORD.salesforce;
    const lookup = { ref: sfRef(u.id), name: globex.name, domain: 'globex.example' };
    await recordOverlay(db, lookup, cs(u.id), S, SAMPLE_AS_OF);
    await expect(trackCustomer(db, lookup, northwind.customerId, cs(u.id), S, SAMPLE_AS_OF)).rejects.toMatchObject({ error: { code: 'overlay.not-offered' } });
    await linkCandidates(db, cs(u.id), S);
    const linked = await trackCustomer(db, lookup, globex.customerId, cs(u.id), S, SAMPLE_AS_OF);
    expect(linked.id).toBe(globex.customerId);
    expect(linked.crmRefs).toContainEqual({ ...sfRef(u.id), tenant: 'acme' });
    const o = await recordOverlay(db, lookup, cs(u.id), S, SAMPLE_AS_OF);
    expect(o.state === 'ready' && o.customer.id).toBe(globex.customerId);
  });

  it('a resolved record stays with its customer: track from its tab never re-links it', async () => {
    const id = globex.crmIds.salesforce;
    await recordOverlay(db, { ref: sfRef(id) }, cs(id), S, SAMPLE_AS_OF);
    tabBindings.get(1, 0)!.offered.add(northwind.customerId);
    expect((await trackCustomer(db, { ref: sfRef(id) }, northwind.customerId, cs(id), S, SAMPLE_AS_OF)).id).toBe(globex.customerId);
    expect((await customersRepo(db).get(northwind.customerId))!.crmRefs.some((r) => r.id === id)).toBe(false);
  });

  it('tracks an unknown record as a new customer bound to the tenant, then shows it ready; twice gives the same customer', async () => {
    const u = UNKNOWN_RECORD.salesforce;
    const lookup = { ref: sfRef(u.id), name: u.name, domain: 'https://www.unknown-prospect.example/' };
    await recordOverlay(db, lookup, cs(u.id), S, SAMPLE_AS_OF);
    const c = await trackCustomer(db, lookup, undefined, cs(u.id), S, SAMPLE_AS_OF);
    expect(c).toMatchObject({ name: u.name, domain: 'unknown-prospect.example', crmRefs: [{ ...sfRef(u.id), tenant: 'acme' }] });
    expect((await recordOverlay(db, lookup, cs(u.id), S, SAMPLE_AS_OF)).state).toBe('ready');
    expect((await trackCustomer(db, lookup, undefined, cs(u.id), S, SAMPLE_AS_OF)).id).toBe(c.id);
  });

  it('Track never overwrites: Pipedrive person 5 after organisation 5 is a second customer', async () => {
    const pd = (
      objectType: 'account' | 'contact',
      path: string,
    ): [Sender, { ref: { crm: 'pipedrive'; objectType: typeof objectType; id: string }; name: string }] => [
      { id: 'ext', url: `https://acme.pipedrive.com/${path}/5`, tab: { id: 7 }, frameId: 0, extensionPage: false },
      { ref: { crm: 'pipedrive', objectType, id: '5' }, name: `${path} five` },
    ];
    const [orgSender, org] = pd('account', 'organization');
    const [personSender, person] = pd('contact', 'person');
    await recordOverlay(db, org, orgSender, S, SAMPLE_AS_OF);
    const a = await trackCustomer(db, org, undefined, orgSender, S, SAMPLE_AS_OF);
    await recordOverlay(db, person, personSender, S, SAMPLE_AS_OF);
    const b = await trackCustomer(db, person, undefined, personSender, S, SAMPLE_AS_OF);
    expect(a.id).not.toBe(b.id);
    expect((await customersRepo(db).get(a.id))!.name).toBe('organization five');
    expect((await customersRepo(db).get(b.id))!.name).toBe('person five');
    // An id already taken by another customer gets a suffix, never a replacement.
    await customersRepo(db).put({ id: 'pipedrive-deal-9', name: 'Taken', emails: [], createdAt: SAMPLE_AS_OF, crmRefs: [] });
    const deal = { ref: { crm: 'pipedrive' as const, objectType: 'deal' as const, id: '9' }, name: 'Deal nine' };
    const dealSender: Sender = { id: 'ext', url: 'https://acme.pipedrive.com/deal/9', tab: { id: 8 }, frameId: 0, extensionPage: false };
    await recordOverlay(db, deal, dealSender, S, SAMPLE_AS_OF);
    expect((await trackCustomer(db, deal, undefined, dealSender, S, SAMPLE_AS_OF)).id).toBe('pipedrive-deal-9-2');
    expect((await customersRepo(db).get('pipedrive-deal-9'))!.name).toBe('Taken');
  });
});
