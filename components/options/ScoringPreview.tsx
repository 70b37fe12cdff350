/** How many customers a draft of the scoring settings would move between tiers and risk bands. */
import { useMemo, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ScoringSettings } from '../../lib/schemas/settings';
import { openReadDb } from '../../lib/db/read-db';
import { scoresRepo } from '../../lib/db/repos/scores';
import { previewMoves } from './preview';
import { useOptionsT } from './t';

export function ScoringPreview({ saved, draft }: { saved: ScoringSettings; draft: ScoringSettings }): JSX.Element {
  const t = useOptionsT();
  const points = useLiveQuery(
    async () => (await scoresRepo(openReadDb()).all()).map((s) => ({ customerId: s.customerId, clv: s.clv, riskScore: s.riskScore })),
    [],
  );
  const moves = useMemo(() => (points ? previewMoves(points, saved, draft) : undefined), [points, saved, draft]);
  return (
    <div className="o-preview" aria-live="polite" data-preview-tier-moves={moves?.tierMoves ?? ''} data-preview-risk-moves={moves?.riskMoves ?? ''}>
      <h4>{t('options.preview.heading')}</h4>
      {!moves || moves.total === 0 ? (
        <p>{t('options.preview.none')}</p>
      ) : (
        <>
          <p>{t('options.preview.tiers', { moved: moves.tierMoves, total: moves.total })}</p>
          <p>{t('options.preview.risk', { moved: moves.riskMoves, total: moves.total })}</p>
        </>
      )}
      <p className="o-muted">{t('options.preview.weights')}</p>
    </div>
  );
}
