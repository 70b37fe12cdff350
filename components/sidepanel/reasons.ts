/**
 * Sentences for score factors and action reasons. The scoring engine stores ids and params
 * (`factor.<id>`, `reason.<id>` keys in the scoring catalog); anything else (a reason typed by
 * a person, or an id this build does not know) is shown as the text it is.
 */
import { useMemo } from 'react';
import type { Params } from '../../lib/i18n';
import { scoring } from '../../lib/i18n/catalogs/scoring';
import { useT } from '../common';
import { sidepanel as sidepanelKeys } from '../../lib/i18n/catalogs/sidepanel';
import { useSpT, type SidePanelKey } from './i18n';

type ScoringKey = keyof (typeof scoring)['en'];
const hasKey = (k: string): k is ScoringKey => Object.hasOwn(scoring.en, k);

export interface ReasonText {
  factor: (id: string, params?: Params) => string;
  text: (reason: string, params?: Params) => string;
  segment: (name: string) => string;
}

const segmentKey = (name: string): string =>
  `sidepanel.segment.${name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')}`;

export function useReasonText(): ReasonText {
  const st = useT(scoring);
  const t = useSpT();
  return useMemo(
    () => ({
      factor: (id, params) => {
        const key = `factor.${id}`;
        return hasKey(key) ? st(key, params) : id;
      },
      text: (reason, params) => {
        if (hasKey(reason)) return st(reason, params);
        const key = `reason.${reason}`;
        return hasKey(key) ? st(key, params) : reason;
      },
      segment: (name) => {
        const key = segmentKey(name);
        return Object.hasOwn(sidepanelKeys.en, key) ? t(key as SidePanelKey) : name;
      },
    }),
    [st, t],
  );
}
