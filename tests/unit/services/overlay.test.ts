import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { generateSampleBook } from '../../../lib/sample/generate';
import { loadSampleBook } from '../../../lib/services/sample';
import { recordOverlay, rowChips, trackCustomer } from '../../../lib/services/overlay';
import { SAMPLE_AS_OF, STORIES, UNKNOWN_RECORD } from '../../../lib/sample/stories';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';

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

const sfRef = (id: string) => ({ crm: 'salesforce' as const, objectType: 'account' as const, id });

describe('overlay service', () => {
  it('returns the story customer with its score, ranked open actions and next steps', async () => {
    const story = STORIES[1]!;
    const o = await recordOverlay(db, { ref: sfRef(story.crmIds.salesforce), name: 'whatever the page says' }, DEFAULT_SETTINGS, SAMPLE_AS_OF);
    expect(o.state).toBe('ready');
    if (o.state !== 'ready') return;
    expect(o.customer.id).toBe(story.customerId);
    expect(o.score.customerId).toBe(story.customerId);
    expect(o.score.reasons.length).toBeGreaterThan(0);
    expect(o.actions.every((a) => a.customerId === story.customerId && a.status === 'open')).toBe(true);
  });

  it('never shows another customer for an unknown record', async () => {
    const u = UNKNOWN_RECORD.salesforce;
    expect(await recordOverlay(db, { ref: sfRef(u.id), name: u.name }, DEFAULT_SETTINGS, SAMPLE_AS_OF)).toEqual({ state: 'unknown-customer', candidates: [] });
  });

  it('gives chips only for the rows it knows', async () => {
    const ids = [STORIES[0]!.crmIds.hubspot, STORIES[2]!.crmIds.hubspot, UNKNOWN_RECORD.hubspot.id];
    const chips = await rowChips(db, 'hubspot', 'account', ids);
    expect(Object.keys(chips).sort()).toEqual([ids[0], ids[1]].sort());
    expect(chips[ids[0]!]).toMatchObject({ customerId: STORIES[0]!.customerId });
  });

  it('tracks an unknown record as a new customer, then shows it ready', async () => {
    const u = UNKNOWN_RECORD.salesforce;
    const lookup = { ref: sfRef(u.id), name: u.name, domain: 'https://www.unknown-prospect.example/' };
    const c = await trackCustomer(db, lookup, undefined, DEFAULT_SETTINGS, SAMPLE_AS_OF);
    expect(c).toMatchObject({ name: u.name, domain: 'unknown-prospect.example' });
    expect((await recordOverlay(db, lookup, DEFAULT_SETTINGS, SAMPLE_AS_OF)).state).toBe('ready');
    // Tracking twice does not create a second customer.
    expect((await trackCustomer(db, lookup, undefined, DEFAULT_SETTINGS, SAMPLE_AS_OF)).id).toBe(c.id);
  });

  it('links a record to an existing customer', async () => {
    const u = UNKNOWN_RECORD.zoho;
    const ref = { crm: 'zoho' as const, objectType: 'account' as const, id: u.id };
    await trackCustomer(db, { ref }, STORIES[3]!.customerId, DEFAULT_SETTINGS, SAMPLE_AS_OF);
    const o = await recordOverlay(db, { ref }, DEFAULT_SETTINGS, SAMPLE_AS_OF);
    expect(o.state === 'ready' && o.customer.id).toBe(STORIES[3]!.customerId);
  });
});
