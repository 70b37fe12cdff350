import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB, toStoredCustomer } from '../../../lib/db/app-db';
import { exportActionsCsv, exportGoalsCsv, exportScoresCsv, rejectedRowsCsv } from '../../../lib/export/tables';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`export-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const lines = (csv: string): string[] =>
  csv
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');

describe('CSV exports', () => {
  it('scores: joined with names, riskiest first, hostile names neutralised', async () => {
    await db.customers.bulkAdd([
      toStoredCustomer({ id: 'C1', name: '=HYPERLINK("http://x","y")', emails: [], createdAt: '2024-01-01', crmRefs: [] }),
      toStoredCustomer({ id: 'C2', name: 'Acme, Inc.', emails: [], createdAt: '2024-01-01', crmRefs: [] }),
    ]);
    const score = {
      tier: 'gold' as const,
      reasons: [
        { id: 'contact-gap', points: 20 },
        { id: 'p-alive', points: 10 },
      ],
      clv: 1200.5,
      pAlive: 0.8,
      rfm: { r: 4, f: 3, m: 5, segment: 'Loyal Customers' },
      computedAt: Date.UTC(2025, 0, 2),
    };
    await db.scores.bulkAdd([
      { ...score, customerId: 'C1', risk: 'low', riskScore: 10, nba: null },
      { ...score, customerId: 'C2', risk: 'high', riskScore: 80, nba: { kind: 'revisit', reason: 'gap', due: '2025-01-09' }, lastContact: '2024-10-01' },
    ]);
    const out = lines(await exportScoresCsv(db));
    expect(out[0]).toBe(
      'customer_id,name,tier,risk,risk_score,risk_factors,clv,p_alive,r,f,m,rfm_segment,next_action,next_action_due,last_contact,computed_at',
    );
    expect(out[1]).toBe(
      'C2,"Acme, Inc.",gold,high,80,contact-gap; p-alive,1200.5,0.8,4,3,5,Loyal Customers,revisit,2025-01-09,2024-10-01,2025-01-02T00:00:00.000Z',
    );
    expect(out[2]!.startsWith(`C1,"'=HYPERLINK(""http://x"",""y"")",gold,low,10`)).toBe(true);
  });

  it('actions and goals', async () => {
    await db.actions.add({
      id: 'a1',
      customerId: 'C1',
      kind: 'win-back',
      status: 'snoozed',
      due: '2025-02-01',
      reason: '-3 purchases',
      snoozedUntil: '2025-02-10',
      createdAt: 0,
      updatedAt: 0,
    });
    await db.goals.add({
      id: 'g1',
      name: '@NPS',
      category: 'satisfaction',
      metric: 'nps',
      target: 40,
      baseline: 20,
      periodStart: '2025-01-01',
      periodEnd: '2025-04-01',
      scope: { kind: 'segment', segment: 'smb' },
      archived: false,
      createdAt: 1,
    });
    expect(lines(await exportActionsCsv(db))[1]).toBe(
      "a1,C1,,win-back,snoozed,2025-02-01,'-3 purchases,2025-02-10,,1970-01-01T00:00:00.000Z,1970-01-01T00:00:00.000Z",
    );
    expect(lines(await exportGoalsCsv(db))[1]).toBe("g1,'@NPS,satisfaction,nps,40,20,2025-01-01,2025-04-01,segment:smb,false");
    expect(lines(rejectedRowsCsv([{ file: 'f.csv', line: 3, column: 'name', reason: '=cmd' }]))[1]).toBe("f.csv,3,name,'=cmd");
  });
});
