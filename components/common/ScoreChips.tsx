import type { JSX } from 'react';
import type { RiskBand, Tier } from '../../lib/schemas/enums';
import { useCommonT } from './i18n';

/** The customer's value tier as a coloured chip (text always says the tier). */
export function TierChip({ tier }: { tier: Tier }): JSX.Element {
  const t = useCommonT();
  return (
    <span className="r-chip" data-tier={tier} title={t('tier.label')}>
      {t(`tier.${tier}`)}
    </span>
  );
}

/** The churn-risk band, optionally with its 0–100 score. */
export function RiskChip({ risk, score }: { risk: RiskBand; score?: number }): JSX.Element {
  const t = useCommonT();
  return (
    <span className="r-chip" data-risk={risk} title={t('risk.label')}>
      {t(`risk.${risk}`)}
      {score === undefined ? null : ` · ${Math.round(score)}`}
    </span>
  );
}
