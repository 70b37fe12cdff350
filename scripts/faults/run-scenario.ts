/** Runs one scenario at each of its kill points: a clean run counts the writes, then one run per point. */
import Dexie from 'dexie';
import { AppDB } from '../../lib/db/app-db';
import { Killed, killPoints, killSwitch } from './kill-switch';
import type { Scenario } from './scenarios';

export interface ScenarioReport {
  name: string;
  writes: number;
  tried: number;
  killed: number;
  lost: number;
  duplicated: number;
  failures: string[];
}

let seq = 0;
const open = async (name: string, ks?: ReturnType<typeof killSwitch>): Promise<AppDB> => {
  const db = new AppDB(name);
  if (ks) db.use(ks.middleware);
  await db.open();
  return db;
};

export async function runScenario<A>(s: Scenario<A>): Promise<ScenarioReport> {
  const report: ScenarioReport = { name: s.name, writes: 0, tried: 0, killed: 0, lost: 0, duplicated: 0, failures: [] };
  // a clean run: how many writes the act makes
  {
    const ks = killSwitch();
    const db = await open(`faults-${++seq}`, ks);
    await s.prepare(db);
    ks.arm(Number.POSITIVE_INFINITY);
    await s.act(db, s.fresh());
    report.writes = ks.writes;
    db.close();
    await Dexie.delete(db.name);
  }
  for (const at of killPoints(report.writes, s.points)) {
    const name = `faults-${++seq}`;
    const ks = killSwitch();
    const first = await open(name, ks);
    await s.prepare(first);
    const ack = s.fresh();
    ks.arm(at);
    report.tried++;
    try {
      await s.act(first, ack);
    } catch (e) {
      if (!(e instanceof Killed) && !ks.dead) report.failures.push(`${s.name} @${at}: act failed: ${String(e)}`);
    }
    if (ks.dead) report.killed++;
    first.close();
    const restarted = await open(name);
    try {
      await s.recover(restarted, ack);
      const o = await s.check(restarted, ack);
      report.lost += o.lost;
      report.duplicated += o.duplicated;
      if (o.lost || o.duplicated) report.failures.push(`${s.name} @${at}: ${o.lost} lost, ${o.duplicated} duplicated`);
    } catch (e) {
      report.failures.push(`${s.name} @${at}: recovery failed: ${String(e)}`);
    }
    restarted.close();
    await Dexie.delete(name);
  }
  return report;
}
