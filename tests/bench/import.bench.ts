/**
 * Import throughput in Chromium: 100,000 transactions imported through the options page
 * (Worker parse + validation + chunked Dexie transactions with checkpoints), compared with a raw
 * Dexie `bulkPut` of the same canonical rows in the same browser run, and the longest main-thread
 * block during the import (PerformanceObserver 'longtask').
 *
 *   WXT_OUT_DIR=.output-x npx wxt build && RAPPORT_EXT_DIR=.output-x/chrome-mv3 npx tsx tests/bench/import.bench.ts
 *   (IMPORT_BENCH_ROWS=1000000 … for a million rows)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchWithExtension, extensionIdOf } from '../e2e/support/extension';
import { parseImportBytes } from '../../lib/import';

/** `IMPORT_BENCH_ROWS=1000000` for the million-row run (the raw bulkPut comparison is skipped above 200k). */
const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 100_000);
const RATIO_TARGET = 0.7;
const BLOCK_TARGET_MS = 50;

function makeCsv(): string {
  const lines = ['customer_id,date,amount,currency,product'];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `C${i % 10_000},2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},"$${((i * 37) % 5000) + 0.25}",USD,Product ${i}`,
    );
  return lines.join('\r\n') + '\r\n';
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-bench-'));
  const file = path.join(dir, 'transactions-100k.csv');
  const csv = makeCsv();
  writeFileSync(file, csv);
  // The same canonical rows the importer writes (ids = idempotent keys), for the raw bulkPut.
  const compareRaw = ROWS <= 200_000;
  const rows = compareRaw ? parseImportBytes(new TextEncoder().encode(csv), 'x.csv').records : [];
  const dexieSource = readFileSync(createRequire(import.meta.url).resolve('dexie/dist/dexie.js'), 'utf8');

  const context = await launchWithExtension();
  try {
    const id = await extensionIdOf(context);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.locator('input[type=file]').first().waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const t0 = Date.now();
    await page.locator('input[type=file][accept*=csv]').setInputFiles(file);
    const card = page.locator('[data-import-status="done"]');
    await card.waitFor({ timeout: 600_000 });
    const importMs = Date.now() - t0;
    const accepted = Number(await card.getAttribute('data-accepted'));
    const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);

    const importRate = (ROWS / importMs) * 1000;
    console.log(`import rows accepted: ${accepted} of ${ROWS}`);
    console.log(`import throughput (options page, Worker, ${ROWS} transactions): ${Math.round(importRate)} rows/s (${importMs} ms)`);
    console.log(`longest main-thread block during import: ${longest.toFixed(0)} ms (target ≤ ${BLOCK_TARGET_MS} ms; 0 = no long task)`);
    if (!compareRaw) return;
    // Raw Dexie bulkPut of the same rows, same browser, same origin, fresh database.
    await page.evaluate(dexieSource + '\n;window.__Dexie = Dexie;');
    const rawMs = await page.evaluate(async (r) => {
      const D = (
        window as unknown as {
          __Dexie: new (n: string) => {
            version(v: number): { stores(s: Record<string, string>): void };
            table(n: string): { bulkPut(r: unknown[]): Promise<unknown> };
            open(): Promise<unknown>;
            delete(): Promise<void>;
          };
        }
      ).__Dexie;
      const db = new D('bench-raw');
      db.version(1).stores({ transactions: '&id, customerId, date, [customerId+date]' });
      await db.open();
      const t = performance.now();
      await db.table('transactions').bulkPut(r);
      const ms = performance.now() - t;
      await db.delete();
      return ms;
    }, rows);

    const rawRate = (rows.length / rawMs) * 1000;
    console.log(`raw Dexie bulkPut (same rows, same run): ${Math.round(rawRate)} rows/s (${rawMs.toFixed(0)} ms)`);
    console.log(`import / raw bulkPut ratio: ${(importRate / rawRate).toFixed(2)} (target ≥ ${RATIO_TARGET})`);
    // Parsing + validation alone (the CPU part the Worker does), 1,000,000 rows, in Node.
    const big = [csv, ...Array.from({ length: 9 }, () => csv.slice(csv.indexOf('\n') + 1))].join('');
    const t1 = performance.now();
    const parsed = parseImportBytes(new TextEncoder().encode(big), 'big.csv');
    const parseMs = performance.now() - t1;
    console.log(`parse + validate only (Node, ${parsed.rowsSeen} rows): ${Math.round((parsed.rowsSeen / parseMs) * 1000)} rows/s (${parseMs.toFixed(0)} ms)`);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
