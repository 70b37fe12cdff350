/**
 * Options → CRM connections: one card per CRM (ConnectionsCard.tsx). The background holds the
 * connections and their tokens; this page asks for their state (`getSyncStatus`), hears every
 * change as it happens (`rapport:sync-progress`) and changes them by message.
 */
import { useEffect, useState, type JSX } from 'react';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import { SYNC_PROGRESS, type SyncProgress } from '../../lib/messaging/protocol';
import { CRM_IDS } from '../../lib/schemas/values';
import type { ConnectionStatus } from '../../lib/sync/state';
import { useErrorText } from '../common';
import { ConnectionsCard } from './ConnectionsCard';
import { useOptionsT } from './t';

export function Connections(): JSX.Element {
  const t = useOptionsT();
  const errorText = useErrorText();
  const [statuses, setStatuses] = useState<ConnectionStatus[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    const onMessage = (m: unknown): undefined => {
      const p = m as SyncProgress | null;
      if (p?.type === SYNC_PROGRESS) setStatuses((all) => all?.map((s) => (s.crm === p.status.crm ? p.status : s)));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    send('getSyncStatus', {}).then(
      (s) => live && setStatuses(s),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [errorText]);

  const update = (s: ConnectionStatus): void => setStatuses((all) => all?.map((x) => (x.crm === s.crm ? s : x)));

  return (
    <section className="o-section" aria-labelledby="connections-heading">
      <h2 id="connections-heading">{t('options.connections.heading')}</h2>
      <p>{t('options.connections.intro')}</p>
      {error ? (
        <p className="r-error" role="alert">
          {error}
        </p>
      ) : null}
      {CRM_IDS.map((crm) => {
        const status = statuses?.find((s) => s.crm === crm);
        return status ? <ConnectionsCard key={crm} status={status} onStatus={update} /> : null;
      })}
    </section>
  );
}
