import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB, toStoredCustomer } from '../../../lib/db/app-db';
import { BACKUP_TABLES, createBackup, parseBackup, planRestore } from '../../../lib/backup/backup';
import { restoreBackup } from '../../../lib/backup/restore';
import { CodedError } from '../../../lib/messaging/errors';
import { dbSink } from '../../../lib/import/store';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';
import { runImport } from '../../../lib/import/run';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`backup-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function dump(d: AppDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) out[t] = await d[t].toArray();
  return out;
}

async function seed(): Promise<void> {
  await db.customers.bulkAdd([
    toStoredCustomer({
      id: 'C1',
      name: '=HYPERLINK("x")',
      emails: ['a@b.c'],
      createdAt: '2024-01-01',
      crmRefs: [{ crm: 'salesforce', objectType: 'account', id: '001' }],
      domain: 'b.c',
    }),
    toStoredCustomer({ id: 'C2', name: '\u202eRTL', emails: [], createdAt: '2024-01-02', crmRefs: [], placeholder: true }),
  ]);
  await db.transactions.add({ id: 't1', customerId: 'C1', date: '2025-01-01', amount: -5.5, currency: 'EUR' });
  await db.interactions.add({ id: 'i1', customerId: 'C1', date: '2025-01-02', channel: 'call', summary: 'hi\r\nthere', sentiment: 'positive' });
  await db.feedback.add({ id: 'f1', customerId: 'C1', date: '2025-01-03', kind: 'nps', score: 9 });
  await db.contacts.add({ id: 'k1', customerId: 'C1', name: 'Ann', isDecisionMaker: true });
  await db.goals.add({
    id: 'g1',
    name: 'NPS up',
    category: 'satisfaction',
    metric: 'nps',
    target: 40,
    baseline: 20,
    periodStart: '2025-01-01',
    periodEnd: '2025-04-01',
    scope: { kind: 'tier', tier: 'gold' },
    archived: false,
    createdAt: 5,
  });
  await db.actions.add({ id: 'a1', customerId: 'C1', kind: 'revisit', status: 'open', due: '2025-02-01', reason: 'r', createdAt: 1, updatedAt: 2 });
  await db.scores.add({
    customerId: 'C1',
    tier: 'gold',
    risk: 'low',
    riskScore: 12.5,
    reasons: [{ id: 'contact-gap', points: 5, params: { days: 3 } }],
    clv: 1234.5,
    pAlive: 0.9,
    rfm: { r: 5, f: 4, m: 3, segment: 'Champions' },
    nba: null,
    computedAt: 9,
  });
  await db.meta.add({ key: 'sidepanel.crmBases', value: { salesforce: { origin: 'https://acme.lightning.force.com' } } });
  await runImport({ sink: dbSink(db), file: new Blob(['customer_id,date,amount\nC3,2025-01-01,1\n']), fileName: 'x.csv', importId: 'imp1', now: () => 3 });
}

describe('backup', () => {
  it('export → wipe → restore gives an identical database and settings', async () => {
    await seed();
    const before = await dump(db);
    const settings = { ...DEFAULT_SETTINGS, language: 'zh_CN' as const, neverLog: ['C2'] };
    const json = JSON.stringify(await createBackup(db, settings, 1_700_000_000_000));
    await Promise.all(BACKUP_TABLES.map((t) => db[t].clear()));
    const parsed = parseBackup(json, 99);
    const plan = await planRestore(db, parsed);
    expect(plan.changes.find((c) => c.table === 'customers')).toEqual({ table: 'customers', current: 0, incoming: 3 });
    const restoredSettings = await restoreBackup(db, parsed);
    expect(await dump(db)).toEqual(before);
    expect(restoredSettings).toEqual(settings);
  });

  it('leaves the side panel caches the background rebuilds out of a backup', async () => {
    await seed();
    await db.meta.put({ key: 'cache:kpiColumns', value: { format: 1, purchaseDay: new Int32Array(3) } });
    const b = await createBackup(db, DEFAULT_SETTINGS, 1);
    const keys = (b.tables.meta as { key: string }[]).map((m) => m.key);
    expect(keys).toContain('sidepanel.crmBases');
    expect(keys.filter((k) => k.startsWith('cache:'))).toEqual([]);
  });

  it('restores only what the schemas know: unknown fields and meta keys are dropped, a planted CRM base too', async () => {
    await seed();
    const b = await createBackup(db, DEFAULT_SETTINGS, 1);
    (b.tables.customers[0] as Record<string, unknown>)['__proto__planted'] = '<img src=x onerror=alert(1)>';
    b.tables.meta.push({ key: 'import:evil', value: 'x' }, { key: 'anything', value: { a: 1 } });
    const bases = b.tables.meta.find((m) => (m as { key: string }).key === 'sidepanel.crmBases') as { value: Record<string, unknown> };
    bases.value['hubspot'] = { origin: 'https://evil.example.com', part: '1' };
    bases.value['zoho'] = { origin: 'javascript:alert(1)' };
    const parsed = parseBackup(JSON.stringify(b), 99);
    expect(Object.keys(parsed.tables.customers[0] as object)).not.toContain('__proto__planted');
    expect((parsed.tables.meta as { key: string }[]).map((m) => m.key).sort()).toEqual(['sidepanel.crmBases']);
    expect((parsed.tables.meta[0] as { value: unknown }).value).toEqual({ salesforce: { origin: 'https://acme.lightning.force.com' } });
  });

  it('refuses a backup from a newer database version and one over the size cap', () => {
    const head = { format: 'rapport-backup', version: 1, exportedAt: 1, dbVersion: 7, settings: DEFAULT_SETTINGS, tables: {} };
    expect(() => parseBackup(JSON.stringify(head), 3)).toThrow(expect.objectContaining({ error: { code: 'backup.newer-db', params: { version: 7, max: 3 } } }));
    expect(parseBackup(JSON.stringify({ ...head, dbVersion: 3 }), 3).dbVersion).toBe(3);
    const huge = { length: 513 * 1024 * 1024 } as string;
    expect(() => parseBackup(huge, 3)).toThrow(expect.objectContaining({ error: { code: 'backup.too-large', params: { max: 512 } } }));
  });

  it('refuses an invalid backup naming table, row and field, without touching the database', async () => {
    await seed();
    const before = await dump(db);
    const b = await createBackup(db, DEFAULT_SETTINGS, 1);
    const valid = structuredClone(b);
    (b.tables.transactions[0] as { date: string }).date = '01/02/2025';
    const refusal = (json: string): unknown => {
      try {
        parseBackup(json, 99);
      } catch (e) {
        expect(e).toBeInstanceOf(CodedError);
        return (e as CodedError).error;
      }
      throw new Error('parseBackup accepted it');
    };
    expect(refusal(JSON.stringify(b))).toEqual({ code: 'backup.invalid-row', field: 'date', params: { where: 'transactions[0].date' } });
    expect(refusal('{')).toEqual({ code: 'backup.not-json' });
    expect(refusal(JSON.stringify({ format: 'other' }))).toMatchObject({ code: 'backup.not-rapport' });
    expect(refusal(JSON.stringify({ ...b, version: 99 }))).toEqual({ code: 'backup.newer', params: { version: 99, max: 1 } });
    expect(refusal(JSON.stringify({ ...valid, settings: { version: 1, scoring: { clvHorizonMonths: 0 } } }))).toEqual({
      code: 'backup.invalid-settings',
      params: { where: 'settings.scoring.clvHorizonMonths' },
    });
    expect(await dump(db)).toEqual(before);
  });
});
