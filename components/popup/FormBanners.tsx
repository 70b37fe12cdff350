/** The notes above the quick-log form: track this CRM record, draft restored (discard), notices and errors. */
import type { JSX } from 'react';
import { popup } from '../../lib/i18n/catalogs/popup';
import { Button, useT } from '../common';

export interface FormBannersProps {
  /** The unknown CRM record's name, offered to track (absent: nothing to track). */
  trackName?: string;
  tracking: boolean;
  onTrack(): void;
  restored: boolean;
  onDiscard(): void;
  notice?: string;
  general?: string;
}

export function FormBanners({ trackName, tracking, onTrack, restored, onDiscard, notice, general }: FormBannersProps): JSX.Element {
  const t = useT(popup);
  return (
    <>
      {trackName !== undefined ? (
        <p className="r-banner">
          <Button variant="ghost" onClick={onTrack} disabled={tracking}>
            {t('popup.track', { name: trackName })}
          </Button>
        </p>
      ) : null}
      {restored ? (
        <p className="r-banner" role="status">
          {t('popup.draftRestored')}{' '}
          <Button variant="ghost" onClick={onDiscard}>
            {t('popup.discardDraft')}
          </Button>
        </p>
      ) : null}
      {notice ? (
        <p className="r-banner" role="status">
          {notice}
        </p>
      ) : null}
      {general ? (
        <p className="r-banner r-banner--error" role="alert">
          {general}
        </p>
      ) : null}
    </>
  );
}
