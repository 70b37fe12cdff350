/**
 * Reporting periods for the KPI view and goal defaults. Every period is `[start, end)` in ISO
 * dates (end exclusive, as in the DOM contract).
 *
 * The KPI view never compares a period that has barely begun with a whole one: it shows either
 * the last complete calendar period (compared, as docs/kpis.md defines P′, with the same number
 * of days just before it), or the current period so far compared with the same days of the
 * previous calendar period (1–3 Dec vs 1–3 Nov). Both ranges are shown.
 */
import { addDays, daysBetween } from '../clock';

export type Grain = 'month' | 'quarter' | 'year';
export const GRAINS: readonly Grain[] = ['month', 'quarter', 'year'];

/** What the KPI view offers: a complete calendar period, a period to date, or a custom range. */
export type PeriodPreset = `last-${Grain}` | `${Grain}-to-date` | 'custom';
export const PERIOD_PRESETS: readonly PeriodPreset[] = [
  'last-month',
  'last-quarter',
  'last-year',
  'month-to-date',
  'quarter-to-date',
  'year-to-date',
  'custom',
];
export const DEFAULT_PRESET: PeriodPreset = 'last-month';

export interface Period {
  start: string;
  /** Exclusive. */
  end: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number): string => `${y}-${pad(m)}-01`;

/** The calendar month / quarter / year that contains `asOf`. */
export function presetPeriod(grain: Grain, asOf: string): Period {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  if (grain === 'month') return { start: ymd(y, m), end: m === 12 ? ymd(y + 1, 1) : ymd(y, m + 1) };
  if (grain === 'quarter') {
    const q0 = Math.floor((m - 1) / 3) * 3 + 1;
    return { start: ymd(y, q0), end: q0 === 10 ? ymd(y + 1, 1) : ymd(y, q0 + 3) };
  }
  return { start: ymd(y, 1), end: ymd(y + 1, 1) };
}

/** The calendar period just before the one containing `asOf` (the last complete one). */
export const lastCompletePeriod = (grain: Grain, asOf: string): Period => presetPeriod(grain, addDays(presetPeriod(grain, asOf).start, -1));

/** The same number of days just before `p` (P′ of docs/kpis.md). */
export function previousPeriod(p: Period): Period {
  const days = daysBetween(p.start, p.end);
  return { start: addDays(p.start, -days), end: p.start };
}

/** What the KPI view shows: the period, what it is compared with, and the periods its trends draw. */
export interface PeriodSelection {
  period: Period;
  compare: Period;
  /** True when the period is the current one so far (compared with the same days of the one before). */
  toDate: boolean;
  /** Oldest first; the last is the latest complete period of this length. */
  trend: Period[];
}

/** How many periods a KPI trend draws. */
export const TREND_PERIODS = 12;

/** `n` consecutive calendar periods ending with the one that contains `last`. */
export function calendarRun(grain: Grain, last: string, n: number): Period[] {
  const out: Period[] = [];
  let p = presetPeriod(grain, last);
  for (let i = 0; i < n; i++) {
    out.unshift(p);
    p = presetPeriod(grain, addDays(p.start, -1));
  }
  return out;
}

/** `n` back-to-back periods as long as `p`, ending with `p`. */
export function lengthRun(p: Period, n: number): Period[] {
  const out: Period[] = [p];
  while (out.length < n) out.unshift(previousPeriod(out[0]!));
  return out;
}

/** Resolve a preset (or a custom range) as of a day; null for an invalid custom range. */
export function selectPeriod(preset: PeriodPreset, asOf: string, custom?: Period | null, n = TREND_PERIODS): PeriodSelection | null {
  if (preset === 'custom') {
    if (!custom) return null;
    return { period: custom, compare: previousPeriod(custom), toDate: false, trend: lengthRun(custom, n) };
  }
  const [a, b] = preset.split('-') as [string, string];
  if (a === 'last') {
    const grain = b as Grain;
    const period = lastCompletePeriod(grain, asOf);
    return { period, compare: previousPeriod(period), toDate: false, trend: calendarRun(grain, period.start, n) };
  }
  const grain = a as Grain;
  const current = presetPeriod(grain, asOf);
  const period = { start: current.start, end: addDays(asOf, 1) };
  const before = lastCompletePeriod(grain, asOf);
  // The same days of the previous period, never running past its end (31 Mar so far vs all of Feb).
  const sameDays = addDays(before.start, daysBetween(period.start, period.end));
  const compare = { start: before.start, end: sameDays < before.end ? sameDays : before.end };
  return { period, compare, toDate: true, trend: calendarRun(grain, before.start, n) };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** True when `s` is a real calendar day in yyyy-MM-dd form. */
export function isIsoDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * A custom period from the inclusive dates a person picks ("from 1 Oct to 31 Oct") to the
 * exclusive form the data uses; null when a date is missing, unreal or the range is reversed.
 */
export function customPeriod(from: string, toInclusive: string): Period | null {
  if (!isIsoDate(from) || !isIsoDate(toInclusive) || toInclusive < from) return null;
  return { start: from, end: addDays(toInclusive, 1) };
}

/** The last day inside the period (for inclusive display). */
export const lastDay = (p: Period): string => addDays(p.end, -1);
