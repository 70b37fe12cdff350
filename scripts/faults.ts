/**
 * npm run faults: the crash-safety and hostile-input figures (SECURITY.md).
 *
 * 1. Kill points: import, quick-log, the daily rescore and restore are each run once cleanly to
 *    count their database writes, then killed at points spread over those writes (the transaction
 *    in flight aborted, the "process" dead: scripts/faults/kill-switch.ts), restarted and
 *    recovered as the product does; then checked: nothing acknowledged lost, nothing stored twice.
 * 2. Hostile payloads (scripts/faults/hostile.ts): script, markup, formula, prototype and
 *    oversized values through import, restore, quick-log and the CSV export: none executes,
 *    none pollutes a prototype, none is stored outside its field.
 *
 * Prints the figures and ends `faults: N kill points, N lost, N duplicated; N hostile payloads, N executed`.
 * Exits 1 when anything was lost, duplicated or executed (these are correctness checks, not timings).
 */
import 'fake-indexeddb/auto';
import { AppDB } from '../lib/db/app-db';
import { importBaseline, importScenario, quickLogScenario, rescoreScenario, restoreBaseline, restoreScenario } from './faults/scenarios';
import { runScenario, type ScenarioReport } from './faults/run-scenario';
import { runHostile } from './faults/hostile';

const t0 = performance.now();
for (const baseline of [importBaseline, restoreBaseline]) {
  const db = new AppDB(`faults-baseline-${Math.random()}`);
  await baseline(db);
  db.close();
}
const reports: ScenarioReport[] = [];
for (const s of [importScenario, quickLogScenario, rescoreScenario, restoreScenario] as const) {
  const r = await runScenario(s as never);
  reports.push(r);
  console.log(
    `${r.name}: ${r.writes} writes in a clean run; ${r.tried} kill points tried (${r.killed} killed mid-work); ${r.lost} lost, ${r.duplicated} duplicated`,
  );
  for (const f of r.failures.slice(0, 10)) console.log(`  ✗ ${f}`);
}
const hostile = await runHostile();
console.log(
  `hostile payloads: ${hostile.tried} tried through ${hostile.paths.join(', ')}; ${hostile.executed} executed, ${hostile.misplaced} stored outside their field, ${hostile.refused} refused with their line`,
);
for (const f of hostile.failures.slice(0, 10)) console.log(`  ✗ ${f}`);

const sum = (k: 'tried' | 'lost' | 'duplicated'): number => reports.reduce((a, r) => a + r[k], 0);
const failures = reports.reduce((a, r) => a + r.failures.length, 0) + hostile.failures.length;
console.log(`(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
console.log(
  `faults: ${sum('tried')} kill points (target ≥ 200), ${sum('lost')} lost, ${sum('duplicated')} duplicated (target 0); ${hostile.tried} hostile payloads, ${hostile.executed} executed (target 0)`,
);
process.exit(failures ? 1 : 0);
