import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { generateSampleBook } from '../../../lib/sample/generate';
import { loadSampleBook } from '../../../lib/services/sample';
import { recordOverlay } from '../../../lib/services/overlay';
import { cardOf, factorChanges, weeklyTrend } from '../../../lib/services/overlay-card';
import { scoresRepo } from '../../../lib/db/repos/scores';
import { historyRow, scoreHistoryRepo } from '../../../lib/db/repos/score-history';
import { addDays } from '../../../lib/clock';
import { SAMPLE_AS_OF, STORIES, UNKNOWN_RECORD } from '../../../lib/sample/stories';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';
import type { Score } from '../../../lib/schemas/domain';
import type { ScoreHistoryRow } from '../../../lib/schemas/history';
import type { Sender } from '../../../lib/messaging/router';

const S = DEFAULT_SETTINGS;
const url = (id: string, org = 'acme'): string => `https://${org}.lightning.force.com/lightning/r/Account/${id}/view`;
const cs = (id: string, tab: number): Sender => ({ id: 'ext', url: url(id), tab: { id: tab, url: url(id) }, frameId: 0, extensionPage: false });
const cardFrame = (tab: number, tabUrl: string): Sender => ({
  id: 'ext',
  url: 'chrome-extension://ext/card.html',
  tab: { id: tab, url: tabUrl },
  frameId: 3,
  extensionPage: true,
});
const globex = STORIES[1]!;

describe('card maths', () => {
  const row = (date: string, riskScore: number, reasons: ScoreHistoryRow['reasons'] = []): ScoreHistoryRow => ({
    id: `c|${date}`,
    customerId: 'c',
    date,
    tier: 'gold',
    risk: 'medium',
    riskScore,
    clv: 1,
    pAlive: 0.5,
    reasons,
  });
  const score = { riskScore: 70, churnRisk: 0.7, reasons: [] } as unknown as Score;

  it('one point per week with history on or before it, oldest first, today last', () => {
    const asOf = '2026-12-03';
    const rows = [row(addDays(asOf, -80), 10), row(addDays(asOf, -15), 40), row(addDays(asOf, -7), 50)];
    const t = weeklyTrend(rows, score, asOf);
    expect(t.map((p) => p.riskScore)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 40, 50, 70]);
    expect(t.at(-1)).toEqual({ date: asOf, riskScore: 70, churnRisk: 0.7 });
    expect(weeklyTrend([], score, asOf)).toHaveLength(1);
  });

  it('factor deltas: signed, new and vanished factors count from 0, noise under a point dropped, largest first', () => {
    const now = [
      { id: 'recency', points: 30, params: { days: 90 } },
      { id: 'detractor', points: 10 },
      { id: 'tenure', points: 5.4 },
    ];
    const before = [
      { id: 'recency', points: 20, params: { days: 60 } },
      { id: 'contact-gap', points: 8 },
      { id: 'tenure', points: 5 },
    ];
    expect(factorChanges(now, before)).toEqual([
      { id: 'detractor', delta: 10 },
      { id: 'recency', delta: 10, params: { days: 90 } },
      { id: 'contact-gap', delta: -8 },
    ]);
  });
});

describe('the card of a tab', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = new AppDB(`card-${Math.random()}`);
    await db.open();
    await loadSampleBook(db, generateSampleBook({ customers: 120, asOf: SAMPLE_AS_OF }), S, SAMPLE_AS_OF);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('is the card of the customer the tab resolved, with last week’s changes from history', async () => {
    const now = (await scoresRepo(db).get(globex.customerId))!;
    const weekAgo = { ...now, riskScore: now.riskScore - 12, reasons: now.reasons.map((f, i) => (i === 0 ? { ...f, points: f.points - 12 } : f)) };
    await scoreHistoryRepo(db).putMany([historyRow(weekAgo, addDays(SAMPLE_AS_OF, -7))]);
    await recordOverlay(
      db,
      { ref: { crm: 'salesforce', objectType: 'account', id: globex.crmIds.salesforce } },
      cs(globex.crmIds.salesforce, 11),
      S,
      SAMPLE_AS_OF,
    );
    const card = await cardOf(db, cardFrame(11, url(globex.crmIds.salesforce)), S, SAMPLE_AS_OF);
    expect(card.customer).toEqual({ id: globex.customerId, name: globex.name });
    expect(card.trend.length).toBeGreaterThanOrEqual(2);
    expect(card.lastWeek).toMatchObject({ date: addDays(SAMPLE_AS_OF, -7), riskScore: now.riskScore - 12, changes: [{ id: now.reasons[0]!.id, delta: 12 }] });
    expect(card.trend.at(-2)).toMatchObject({ date: addDays(SAMPLE_AS_OF, -7), riskScore: now.riskScore - 12 });
  });

  it('says whether the customer came with the sample book, and the day of their first score', async () => {
    const id = globex.crmIds.salesforce;
    await recordOverlay(db, { ref: { crm: 'salesforce', objectType: 'account', id } }, cs(id, 15), S, SAMPLE_AS_OF);
    const first = await cardOf(db, cardFrame(15, url(id)), S, SAMPLE_AS_OF);
    expect(first).toMatchObject({ sample: true, firstScored: SAMPLE_AS_OF, trend: [{ date: SAMPLE_AS_OF }] });
    const now = (await scoresRepo(db).get(globex.customerId))!;
    await scoreHistoryRepo(db).putMany([historyRow(now, addDays(SAMPLE_AS_OF, -200))]);
    await db.meta.delete('sample');
    const later = await cardOf(db, cardFrame(15, url(id)), S, SAMPLE_AS_OF);
    expect(later).toMatchObject({ sample: false, firstScored: addDays(SAMPLE_AS_OF, -200) });
    // A score older than the 12 weeks is carried forward into every week of the trend.
    expect(later.trend).toHaveLength(12);
  });

  it('is refused for a tab with no exact match, a tab that moved to another record, or another tab', async () => {
    const u = UNKNOWN_RECORD.salesforce.id;
    await recordOverlay(db, { ref: { crm: 'salesforce', objectType: 'account', id: u }, domain: 'globex.example' }, cs(u, 12), S, SAMPLE_AS_OF);
    await expect(cardOf(db, cardFrame(12, url(u)), S, SAMPLE_AS_OF)).rejects.toMatchObject({ error: { code: 'overlay.not-this-record' } });
    const id = globex.crmIds.salesforce;
    await recordOverlay(db, { ref: { crm: 'salesforce', objectType: 'account', id } }, cs(id, 13), S, SAMPLE_AS_OF);
    await expect(cardOf(db, cardFrame(13, url(u)), S, SAMPLE_AS_OF)).rejects.toMatchObject({ error: { code: 'overlay.not-this-record' } });
    await expect(cardOf(db, cardFrame(14, url(id)), S, SAMPLE_AS_OF)).rejects.toMatchObject({ error: { code: 'overlay.not-this-record' } });
    await expect(cardOf(db, cardFrame(13, url(id, 'evil')), S, SAMPLE_AS_OF)).rejects.toMatchObject({ error: { code: 'overlay.not-this-record' } });
  });
});
