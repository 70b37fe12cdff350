/**
 * Hostile values through every path that takes text from outside: a CSV import (customer ids,
 * names, emails, segments), the quick-log, a restored backup (extra and prototype keys), and the
 * CSV export of what was stored. A payload "executes" when it runs code (a tripwire global is
 * set) or pollutes a prototype; it is "misplaced" when it is stored outside its own field (a CSV
 * injection that splits a cell, a key that becomes a property).
 */
import Dexie from 'dexie';
import { AppDB } from '../../lib/db/app-db';
import { createBackup, parseBackup } from '../../lib/backup/backup';
import { restoreBackup } from '../../lib/backup/restore';
import { csvCell, toCsv } from '../../lib/export/csv';
import { parseImportBytes } from '../../lib/import';
import { dbSink } from '../../lib/import/store';
import { runImport } from '../../lib/import/run';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings';
import { createInteractionsHandlers } from '../../lib/services/interactions';

const TRIP = '__rapportPwned';
const trip = `globalThis.${TRIP}=1`;

export const PAYLOADS: readonly string[] = [
  `<script>${trip}</script>`,
  `<img src=x onerror="${trip}">`,
  `"><svg onload=${trip}>`,
  `javascript:${trip}`,
  `\${${trip}}`,
  `{{constructor.constructor('${trip}')()}}`,
  `<iframe srcdoc="<script>${trip}</script>">`,
  `<a href="javascript:${trip}">x</a>`,
  `=cmd|' /C calc'!A0`,
  `=HYPERLINK("https://evil.example","x")`,
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '{"__proto__":{"polluted":1}}',
  "'; DROP TABLE customers; --",
  'a\r\nb,c,d',
  'say ""hi""',
  '\u202Egnp.exe',
  'zero\u0000byte',
  'bom\uFEFFinside',
  'lone \uD800 surrogate',
  '😀 emoji 上海华腾',
  'NaN',
  'Infinity',
  '1e309',
  '-0',
  'x'.repeat(400),
  '%00%0d%0a',
  '../../etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  '<style>*{display:none}</style>',
  '<!--',
  ']]>',
  '\\u003cscript\\u003e',
  '&lt;script&gt;',
];

export interface HostileReport {
  tried: number;
  /** Refused with a clear error (file, line, column) instead of stored. */
  refused: number;
  executed: number;
  misplaced: number;
  paths: string[];
  failures: string[];
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const executed = (): boolean => (globalThis as Record<string, unknown>)[TRIP] !== undefined || ({} as Record<string, unknown>)['polluted'] !== undefined;

export async function runHostile(): Promise<HostileReport> {
  const r: HostileReport = {
    tried: 0,
    refused: 0,
    executed: 0,
    misplaced: 0,
    paths: ['CSV import', 'quick-log', 'backup restore', 'CSV export'],
    failures: [],
  };
  const db = new AppDB(`faults-hostile-${Math.random()}`);
  await db.open();
  const fail = (what: string, p: string): void => {
    r.failures.push(`${what}: ${JSON.stringify(p).slice(0, 60)}`);
  };

  // 1. a CSV import: each payload as a name, a segment, and (where an id can hold it) as the id
  const rows = PAYLOADS.map((p, i) => [`H-${i}`, p, p, `h${i}@example.com`].map(quote).join(','));
  const idRows = PAYLOADS.map((p) => [p, 'by id', '', ''].map(quote).join(','));
  const csv = ['customer_id,name,segment,email', ...rows, ...idRows].join('\r\n');
  await runImport({ sink: dbSink(db), file: new Blob([csv]), fileName: 'hostile.csv', importId: 'hostile', now: () => 1, opts: { asOf: '2026-11-20' } });
  // what the import rules make of the file: each row accepted into its own fields, or refused with its line
  const parsedFile = parseImportBytes(new TextEncoder().encode(csv), 'hostile.csv');
  const parsedById = new Map(parsedFile.records.map((rec) => [(rec as { id: string }).id, rec as { name?: string; segment?: string }]));
  let unparsed = 0;
  for (const [i, p] of PAYLOADS.entries()) {
    r.tried++;
    const c = await db.customers.get(`H-${i}`);
    const want = parsedById.get(`H-${i}`);
    if (!want) {
      unparsed++;
      if (c) {
        r.misplaced++;
        fail('import: a refused row was stored', p);
      } else r.refused++;
      continue;
    }
    if (!c || c.name !== want.name || c.segment !== want.segment || c.name !== p.trim()) {
      r.misplaced++;
      fail('import: stored name differs from the cell', p);
    }
  }
  // every row not taken is accounted for by an error naming its file and line
  if (parsedFile.rejected.filter((e) => e.file === 'hostile.csv' && e.line > 1).length < unparsed) fail('import: a row vanished without an error', '');
  r.tried += PAYLOADS.length; // as customer ids: stored under exactly that id or refused with a row error
  for (const p of PAYLOADS) {
    const c = await db.customers.get(p.trim());
    if (c && c.name !== 'by id') {
      r.misplaced++;
      fail('import: id row stored wrongly', p);
    }
  }

  // 2. quick-log summaries and contacts
  const h = createInteractionsHandlers({
    db: () => db,
    settings: async () => DEFAULT_SETTINGS,
    rescore: async () => null,
    broadcast: async () => undefined,
    asOf: () => '2026-11-20',
    newId: () => crypto.randomUUID(),
    now: () => 1,
  });
  for (const p of PAYLOADS) {
    r.tried++;
    try {
      const res = await h.logInteraction({ customerId: 'H-0', date: '2026-11-20', channel: 'other', summary: `x${p}`, contact: p.slice(0, 400) }, {
        id: 'rapport',
      } as never);
      const row = await db.interactions.get(res.interactionId);
      if (row?.summary !== `x${p}`.trim()) {
        r.misplaced++;
        fail('quick-log: summary changed', p);
      }
    } catch {
      // refused with a coded error (e.g. a contact on the never-log list): nothing stored, nothing run
    }
  }

  // 3. a backup with prototype keys and extra fields, restored
  const backup = JSON.parse(JSON.stringify(await createBackup(db, DEFAULT_SETTINGS, 1))) as { tables: Record<string, Record<string, unknown>[]> };
  const first = backup.tables['customers']![0]!;
  const planted = JSON.stringify(backup).replace(
    '{"id":',
    '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"extra":"<script>x</script>","id":',
  );
  r.tried += 3;
  const parsed = parseBackup(planted, db.verno);
  await restoreBackup(db, parsed);
  const restored = await db.customers.get(String(first['id']));
  if (restored && ('extra' in restored || Object.hasOwn(restored, '__proto__'))) {
    r.misplaced++;
    fail('restore: unknown keys kept', 'extra/__proto__');
  }

  // 4. the CSV export of what was stored: formulas neutralised, one cell per value
  for (const p of PAYLOADS) {
    r.tried++;
    const out = toCsv(['v'], [[p]]);
    const cell = csvCell(p);
    if (/^[=+\-@\t\r]/.test(p) && !cell.replace(/^"/, '').startsWith("'")) {
      r.misplaced++;
      fail('export: formula not neutralised', p);
    }
    if (!out.includes(cell)) fail('export: cell not kept whole', p);
  }

  if (executed()) {
    r.executed++;
    r.failures.push('a payload ran code or polluted a prototype');
  }
  db.close();
  await Dexie.delete(db.name);
  return r;
}
