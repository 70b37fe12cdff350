/**
 * The popup away from a customer record: say so, offer the customer search (the form's Customer
 * field) and the side panel. With no customers at all, the next steps (import, sample) instead.
 */
import { useEffect, useState, type JSX } from 'react';
import { firstrun } from '../../lib/i18n/catalogs/firstrun';
import { Button, useT } from '../common';
import { currentWindowId, openSidePanel } from '../common/open-side-panel';

export interface NoCustomerHereProps {
  /** Move to the customer search. */
  onFind: () => void;
  /** Close the popup once the side panel is open. */
  onClose: () => void;
}

export function NoCustomerHere({ onFind, onClose }: NoCustomerHereProps): JSX.Element {
  const t = useT(firstrun);
  const [windowId, setWindowId] = useState<number>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void currentWindowId().then(setWindowId);
  }, []);
  return (
    <section className="r-banner r-popup-empty" aria-labelledby="r-popup-empty-h" data-rapport-empty="no-customer-here">
      <h2 id="r-popup-empty-h" className="r-empty-h">
        {t('popup.empty.heading')}
      </h2>
      <p>{t('popup.empty.text')}</p>
      <div className="r-row">
        <Button onClick={onFind}>{t('popup.empty.search')}</Button>
        <Button
          variant="ghost"
          onClick={() =>
            void openSidePanel(windowId).then(
              () => onClose(),
              () => setFailed(true),
            )
          }
        >
          {t('popup.empty.openPanel')}
        </Button>
      </div>
      {failed ? <p role="status">{t('popup.empty.panelFailed')}</p> : null}
    </section>
  );
}
