/**
 * After a save: what the customer looks like now (tier, risk, next best action) and
 * "Log another" / "Undo" / "Close". `[data-rapport-saved]` with `data-customer-id` is the
 * contract e2e tests wait for.
 */
import { useEffect, useRef, type JSX } from 'react';
import type { Results } from '../../lib/messaging/protocol';
import { popup } from '../../lib/i18n/catalogs/popup';
import { Button, RiskChip, TierChip, useCommonT, useT } from '../shared';

export interface SavedPanelProps {
  customerId: string;
  customerName: string;
  result: Results['logInteraction'];
  onAnother: () => void;
  onUndo: () => void;
  onClose: () => void;
  undoing: boolean;
  error?: string;
}

export function SavedPanel({ customerId, customerName, result, onAnother, onUndo, onClose, undoing, error }: SavedPanelProps): JSX.Element {
  const t = useT(popup);
  const ct = useCommonT();
  const another = useRef<HTMLButtonElement>(null);
  useEffect(() => another.current?.focus(), []);
  const score = result.score;
  return (
    <section
      className="r-saved"
      data-rapport-saved=""
      data-customer-id={customerId}
      data-tier={score?.tier ?? ''}
      data-risk={score?.risk ?? ''}
      data-nba={score?.nba?.kind ?? ''}
      aria-labelledby="rapport-saved-title"
    >
      <h2 id="rapport-saved-title" className="r-saved-title" role="status">
        {t('popup.saved.title', { name: customerName })}
      </h2>
      {score ? (
        <>
          <p className="r-saved-chips">
            <TierChip tier={score.tier} />
            <RiskChip risk={score.risk} score={score.riskScore} />
          </p>
          <p className="r-saved-nba">
            {score.nba ? t('popup.saved.nba', { action: ct(`action.${score.nba.kind}`), due: score.nba.due }) : t('popup.saved.noNba')}
          </p>
        </>
      ) : (
        <p className="r-hint">{t('popup.saved.noScore')}</p>
      )}
      {error ? (
        <p className="r-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="r-actions">
        <Button ref={another} variant="primary" onClick={onAnother}>
          {t('popup.saved.another')}
        </Button>
        <Button onClick={onUndo} disabled={undoing}>
          {t('popup.saved.undo')}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('popup.close')}
        </Button>
      </div>
    </section>
  );
}
