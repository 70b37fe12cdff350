/**
 * A rejected import row's reason in the page's language: its code (`date`, `amount`, `score`…)
 * translated, with the offending value when the parser names it. The parser's English sentence
 * is for the CLI only.
 */
import { useCallback } from 'react';
import type { RowError, RowErrorCode } from '../../lib/import/rows';
import { useOptionsT, type OptionsKey } from './t';

export function useRowReason(): (r: RowError) => string {
  const t = useOptionsT();
  return useCallback(
    (r: RowError) => {
      const key: `options.import.reason.${RowErrorCode | 'invalid'}` = `options.import.reason.${r.code ?? 'invalid'}`;
      const reason = t(key as OptionsKey);
      const value = r.params?.value;
      return value === undefined ? reason : t('options.import.reasonValue', { reason, value });
    },
    [t],
  );
}
