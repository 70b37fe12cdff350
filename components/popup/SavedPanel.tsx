/**
 * After a save: what the customer looks like now (tier, risk, next best action) and
 * "Log another" / "Undo" / "Close". `[data-rapport-saved]` with `data-customer-id` is the
 * contract e2e tests wait for; its `data-writeback` tells whether the log is being written to the
 * CRM (`off|queued|written|failed`), read live from the outbox.
 */
import { useEffect, useRef, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { openReadDb } from '../../lib/db/read-db';
import { syncRepo } from '../../lib/db/repos/sync';
import type { Results, WritebackState } from '../../lib/messaging/protocol';
import { popup } from '../../lib/i18n/catalogs/popup';
import { Button, RiskChip, TierChip, useCommonT, useErrorText, useT } from '../common';

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
  const errorText = useErrorText();
  const outboxRow = useLiveQuery(() => syncRepo(openReadDb()).outboxRow(result.interactionId), [result.interactionId]);
  const writeback: WritebackState = outboxRow?.state ?? result.writeback ?? 'off';
  return (
    <section
      className="r-saved"
      data-rapport-saved=""
      data-customer-id={customerId}
      data-tier={score?.tier ?? ''}
      data-risk={score?.risk ?? ''}
      data-nba={score?.nba?.kind ?? ''}
      data-writeback={writeback}
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
      {writeback === 'off' ? null : (
        <p
          className={writeback === 'failed' ? 'r-error' : 'r-hint'}
          data-rapport-writeback-reason={outboxRow?.state === 'failed' ? (outboxRow.reason ?? '') : undefined}
        >
          {writeback === 'failed'
            ? t('popup.saved.writeback.failed', { reason: errorText({ code: outboxRow?.reason ?? 'writeback.unavailable' }) })
            : t(`popup.saved.writeback.${writeback}`)}
        </p>
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
