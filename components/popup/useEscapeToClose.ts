/** Esc closes the popup; a control that handles Esc itself (the open customer list) prevents the default first. */
import { useEffect } from 'react';

export function useEscapeToClose(close: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented) close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
}
