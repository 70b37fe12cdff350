import { describe, expect, it } from 'vitest';
import { customPeriod, isIsoDate, lastDay, presetPeriod, previousPeriod } from '../../../lib/sidepanel/periods';

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
});
