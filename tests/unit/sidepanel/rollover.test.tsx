// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { msUntilNextMidnight } from '../../../lib/sidepanel/rollover';
import { useToday } from '../../../components/sidepanel/useToday';

// An explicit time zone for the whole file: Shanghai (UTC+8, no DST), then New York for DST.
const before = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = before;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  process.env.TZ = 'Asia/Shanghai';
});

describe('day rollover', () => {
  it('the next local midnight', () => {
    expect(msUntilNextMidnight(Date.parse('2026-12-03T23:59:30+08:00'))).toBe(30_000);
    expect(msUntilNextMidnight(Date.parse('2026-12-04T00:00:00+08:00'))).toBe(86_400_000);
    // New York springs forward on 8 Mar 2026: that day has 23 hours
    process.env.TZ = 'America/New_York';
    expect(msUntilNextMidnight(Date.parse('2026-03-08T00:00:00-05:00'))).toBe(23 * 3_600_000);
  });

  it('an open panel moves "today" at local midnight; a pinned date never moves', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-03T23:59:00+08:00') });
    const live = renderHook(() => useToday(null));
    const pinned = renderHook(() => useToday('2026-11-20'));
    expect(live.result.current).toBe('2026-12-03');
    act(() => vi.advanceTimersByTime(59_000));
    expect(live.result.current).toBe('2026-12-03');
    act(() => vi.advanceTimersByTime(2_000));
    expect(live.result.current).toBe('2026-12-04');
    // and again the next night
    act(() => vi.advanceTimersByTime(86_400_000));
    expect(live.result.current).toBe('2026-12-05');
    expect(pinned.result.current).toBe('2026-11-20');
  });
});
