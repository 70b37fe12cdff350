import { describe, expect, it } from 'vitest';
import { kpiChange } from '../../../lib/sidepanel/kpi-change';
import { comparable, MIN_BASE } from '../../../lib/sidepanel/kpi-table';

describe('kpiChange', () => {
  it('a rate change is in percentage points and knows which way is better', () => {
    expect(kpiChange('retention', { value: 60, previous: 65.2, base: 40, previousBase: 50 })).toEqual({
      kind: 'change',
      delta: 60 - 65.2,
      better: false,
      points: true,
    });
    expect(kpiChange('churn-rate', { value: 30, previous: 35, base: 40, previousBase: 50 })).toMatchObject({ better: true, points: true });
    expect(kpiChange('nps', { value: 10, previous: 5, base: 40, previousBase: 50 })).toMatchObject({ better: true, points: false });
    expect(kpiChange('csat', { value: 50, previous: 50, base: 40, previousBase: 50 })).toMatchObject({ delta: 0, better: null });
  });

  it('a figure standing on fewer than MIN_BASE customers is too few to compare', () => {
    expect(MIN_BASE).toBe(20);
    expect(kpiChange('retention', { value: 6.4, previous: 65, base: 200, previousBase: 19 })).toEqual({ kind: 'too-few', base: 19 });
    expect(kpiChange('csat', { value: 100, previous: 40, base: 3, previousBase: 80 })).toEqual({ kind: 'too-few', base: 3 });
    expect(comparable({ base: 20, previousBase: 20 })).toBe(true);
    // counts and sums have no base: always comparable
    expect(kpiChange('new-customers', { value: 0, previous: 64, base: null, previousBase: null })).toMatchObject({ kind: 'change', delta: -64 });
  });

  it('nothing to say when either side is undefined', () => {
    expect(kpiChange('csat', { value: null, previous: 50, base: 0, previousBase: 30 })).toEqual({ kind: 'none' });
    expect(kpiChange('csat', { value: 50, previous: null, base: 30, previousBase: 0 })).toEqual({ kind: 'none' });
  });
});
