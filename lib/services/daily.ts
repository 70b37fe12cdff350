/**
 * Fresh scores: the whole book is rescored once a day — when the background wakes on a new day
 * (the first page or CRM tab that talks to it after midnight) and at a daily alarm a few minutes
 * past local midnight — so "contacted 5 days ago" and the risk never quietly age.
 */
import { browser } from 'wxt/browser';
import { today } from '../clock';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { customersRepo } from '../db/repos/customers';
import { modelDay } from './rescore';
import { rescoreQueue, type RescoreQueue } from './rescore-all';

export const DAILY_ALARM = 'rapport-daily-rescore';

/** Queue a full rescore when the stored scores are from an earlier day (and there is a book). Returns whether it did. */
export async function rescoreIfStale(db: AppDB, day: string, queue: RescoreQueue): Promise<boolean> {
  const fitted = await modelDay(db);
  if (fitted !== null && fitted >= day) return false;
  if ((await customersRepo(db).count()) === 0) return false;
  await queue(day);
  return true;
}

/** Epoch ms of the next local midnight plus a few minutes (the browser's time zone). */
export function nextRun(nowMs: number): number {
  const d = new Date(nowMs);
  d.setHours(24, 5, 0, 0);
  return d.getTime();
}

export function setupDailyRescore(): void {
  const check = (): void => void rescoreIfStale(getDb(), today(), rescoreQueue).catch((e: unknown) => console.error('[Rapport] daily rescore failed:', e));
  void browser.alarms.create(DAILY_ALARM, { when: nextRun(Date.now()), periodInMinutes: 24 * 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM) check();
  });
  check();
}
