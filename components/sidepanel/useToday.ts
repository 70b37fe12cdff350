/**
 * "Today" for an open side panel: the browser's date, moved at local midnight (a timer to the next
 * midnight, checked again when the panel becomes visible, since a sleeping computer delays
 * timers). A pinned date (`?asOf=`, demos and tests) never moves.
 */
import { useEffect, useState } from 'react';
import { today } from '../../lib/clock';
import { msUntilNextMidnight } from '../../lib/sidepanel/rollover';

export function useToday(pinned: string | null): string {
  const [day, setDay] = useState(() => pinned ?? today());
  useEffect(() => {
    if (pinned) {
      setDay(pinned);
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (): void => {
      setDay(today());
      clearTimeout(timer);
      // a little after midnight, so the new day has begun whatever the timer's rounding
      timer = setTimeout(check, msUntilNextMidnight(Date.now()) + 100);
    };
    check();
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') check();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [pinned]);
  return day;
}
