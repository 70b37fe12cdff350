/**
 * A setting's path (`scoring.riskBands.high`, as the background's errors name it) → the label
 * the settings form shows for it, so a refusal names the field the way the user sees it.
 */
import { useCallback } from 'react';
import { TIERS, type Tier } from '../../lib/schemas/enums';
import { useCommonT } from '../common';
import { useOptionsT, type OptionsKey } from './t';

const DIRECT: Record<string, OptionsKey> = {
  'scoring.tierThresholds.platinumPct': 'options.scoring.platinumPct',
  'scoring.tierThresholds.goldPct': 'options.scoring.goldPct',
  'scoring.tierThresholds.leadMaxValue': 'options.scoring.leadMaxValue',
  'scoring.riskBands.medium': 'options.scoring.riskMedium',
  'scoring.riskBands.high': 'options.scoring.riskHigh',
  'scoring.clvHorizonMonths': 'options.scoring.horizon',
  'scoring.annualDiscountRate': 'options.scoring.discount',
  'scoring.currency': 'options.scoring.currency',
  'reminders.hour': 'options.reminders.hour',
  'reminders.enabled': 'options.reminders.enabled',
  language: 'options.language',
  theme: 'options.theme',
  neverLog: 'options.privacy.neverLog',
};

export function useSettingLabel(): (path: string | undefined) => string {
  const t = useOptionsT();
  const ct = useCommonT();
  return useCallback(
    (path) => {
      const p = path ?? '';
      const direct = DIRECT[p] ?? (p.startsWith('neverLog.') ? DIRECT.neverLog : undefined);
      if (direct) return t(direct);
      const cadence = /^scoring\.revisitCadenceDays\.(\w+)$/.exec(p)?.[1];
      if (cadence && (TIERS as readonly string[]).includes(cadence)) return t('options.scoring.cadence', { tier: ct(`tier.${cadence as Tier}`) });
      const weight = /^scoring\.riskWeights\.(\w+)$/.exec(p)?.[1];
      if (weight) return t(`options.scoring.weight.${weight}` as OptionsKey);
      if (p.startsWith('crm.')) return t('options.crm.heading');
      return t('options.settings.heading');
    },
    [t, ct],
  );
}
