/**
 * Reporting periods for the KPI view and goal defaults. Every period is `[start, end)` in ISO
 * dates (end exclusive, as in the DOM contract); the previous period is the same number of
 * days just before it (DESIGN.md "KPI definitions").
 */
import { addDays, daysBetween } from '../clock';

export type PeriodPreset = 'month' | 'quarter' | 'year' | 'custom';
export const PERIOD_PRESETS: readonly PeriodPreset[] = ['month', 'quarter', 'year', 'custom'];

export interface Period {
  start: string;
  /** Exclusive. */
  end: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number): string => `${y}-${pad(m)}-01`;

/** The calendar month / quarter / year that contains `asOf`. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, asOf: string): Period {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  if (preset === 'month') return { start: ymd(y, m), end: m === 12 ? ymd(y + 1, 1) : ymd(y, m + 1) };
  if (preset === 'quarter') {
    const q0 = Math.floor((m - 1) / 3) * 3 + 1;
    return { start: ymd(y, q0), end: q0 === 10 ? ymd(y + 1, 1) : ymd(y, q0 + 3) };
  }
  return { start: ymd(y, 1), end: ymd(y + 1, 1) };
}

/** The same number of days just before `p`. */
export function previousPeriod(p: Period): Period {
  const days = daysBetween(p.start, p.end);
  return { start: addDays(p.start, -days), end: p.start };
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
