import { describe, expect, it } from 'vitest';
import { customPeriod, isIsoDate, lastCompletePeriod, lastDay, presetPeriod, previousPeriod, selectPeriod } from '../../../lib/sidepanel/periods';

describe('periods', () => {
  it.each([
    ['month', '2026-11-20', '2026-11-01', '2026-12-01'],
    ['month', '2026-12-31', '2026-12-01', '2027-01-01'],
    ['quarter', '2026-11-20', '2026-10-01', '2027-01-01'],
    ['quarter', '2026-02-28', '2026-01-01', '2026-04-01'],
    ['quarter', '2026-06-30', '2026-04-01', '2026-07-01'],
    ['year', '2026-11-20', '2026-01-01', '2027-01-01'],
  ] as const)('%s containing %s is [%s, %s)', (preset, asOf, start, end) => {
    expect(presetPeriod(preset, asOf)).toEqual({ start, end });
  });

  it('the previous period is the same number of days just before', () => {
    expect(previousPeriod({ start: '2026-11-01', end: '2026-12-01' })).toEqual({ start: '2026-10-02', end: '2026-11-01' });
    expect(previousPeriod({ start: '2024-03-01', end: '2024-03-02' })).toEqual({ start: '2024-02-29', end: '2024-03-01' });
  });

  it('custom periods take an inclusive end and refuse unreal or reversed dates', () => {
    expect(customPeriod('2026-10-01', '2026-10-31')).toEqual({ start: '2026-10-01', end: '2026-11-01' });
    expect(lastDay({ start: '2026-10-01', end: '2026-11-01' })).toBe('2026-10-31');
    expect(customPeriod('2026-10-05', '2026-10-04')).toBeNull();
    expect(customPeriod('2025-02-30', '2025-03-04')).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026/10/01')).toBe(false);
  });

  it.each([
    ['month', '2026-12-03', '2026-11-01', '2026-12-01'],
    ['month', '2026-01-01', '2025-12-01', '2026-01-01'],
    ['quarter', '2026-12-03', '2026-07-01', '2026-10-01'],
    ['year', '2026-12-03', '2025-01-01', '2026-01-01'],
  ] as const)('the last complete %s as of %s is [%s, %s)', (grain, asOf, start, end) => {
    expect(lastCompletePeriod(grain, asOf)).toEqual({ start, end });
  });

  it('defaults to the last complete period, compared with the same number of days before, trend of 12 whole periods', () => {
    const sel = selectPeriod('last-month', '2026-12-03')!;
    expect(sel.period).toEqual({ start: '2026-11-01', end: '2026-12-01' });
    expect(sel.compare).toEqual({ start: '2026-10-02', end: '2026-11-01' });
    expect(sel.toDate).toBe(false);
    expect(sel.trend).toHaveLength(12);
    expect(sel.trend[0]).toEqual({ start: '2025-12-01', end: '2026-01-01' });
    expect(sel.trend[11]).toEqual(sel.period);
  });

  it('a period to date is compared with the same days of the previous period, never past its end', () => {
    const dec = selectPeriod('month-to-date', '2026-12-03')!;
    expect([dec.period, dec.compare, dec.toDate]).toEqual([{ start: '2026-12-01', end: '2026-12-04' }, { start: '2026-11-01', end: '2026-11-04' }, true]);
    // trends draw whole periods only, ending with the last complete one
    expect(dec.trend[11]).toEqual({ start: '2026-11-01', end: '2026-12-01' });
    const mar = selectPeriod('month-to-date', '2026-03-31')!;
    expect(mar.compare).toEqual({ start: '2026-02-01', end: '2026-03-01' });
    const ytd = selectPeriod('year-to-date', '2026-12-03')!;
    expect([ytd.period, ytd.compare]).toEqual([
      { start: '2026-01-01', end: '2026-12-04' },
      { start: '2025-01-01', end: '2025-12-04' },
    ]);
    const qtd = selectPeriod('quarter-to-date', '2026-11-15')!;
    expect([qtd.period, qtd.compare]).toEqual([
      { start: '2026-10-01', end: '2026-11-16' },
      { start: '2026-07-01', end: '2026-08-16' },
    ]);
  });

  it('a custom range is compared with the days before it; no range, no selection', () => {
    const sel = selectPeriod('custom', '2026-12-03', { start: '2026-10-01', end: '2026-10-11' })!;
    expect(sel.compare).toEqual({ start: '2026-09-21', end: '2026-10-01' });
    expect(sel.trend[10]).toEqual(sel.compare);
    expect(selectPeriod('custom', '2026-12-03', null)).toBeNull();
  });
});
