/**
 * One CRM's connection: `[data-rapport-connection="<crm>"]` with `data-state`, `data-outbox`
 * and `data-last-sync` (the contract in docs/contracts.md). Disconnected, it asks for the credentials
 * labelled as the CRM's own settings name them; "Connect" first asks the browser for the
 * CRM's API origins (inside the click: a permission request needs the user's gesture), then
 * the background verifies and stores the connection and starts the first sync.
 */
import { useState, type JSX } from 'react';
import { browser } from 'wxt/browser';
import { createT } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import type { CrmId } from '../../lib/schemas/values';
import { connectLabels, type ConnectLabelKey } from '../../lib/sync/connect-labels';
import { CONNECTORS } from '../../lib/sync/connectors';
import { connectPermissions, declaredDataCollection } from '../../lib/sync/data-collection';
import type { ConnectionStatus } from '../../lib/sync/state';
import { Button, Field, localeTag, useErrorText, useLocale } from '../common';
import { CRM_NAMES } from './crm-names';
import { useOptionsT, type OptionsKey } from './t';

function originsOf(crm: CrmId, input: Record<string, string>): string[] {
  try {
    return CONNECTORS[crm].originsFor(input);
  } catch {
    return []; // the field that names the origin is empty or wrong: the background says which
  }
}

export function ConnectionsCard({ status, onStatus }: { status: ConnectionStatus; onStatus: (s: ConnectionStatus) => void }): JSX.Element {
  const t = useOptionsT();
  const locale = useLocale();
  const errorText = useErrorText();
  const label = createT(connectLabels, locale);
  const { crm } = status;
  const connector = CONNECTORS[crm];
  const [values, setValues] = useState<Record<string, string>>({});
  const [connecting, setConnecting] = useState(false);
  const [error, setError] = useState<{ text: string; field?: string }>();
  const state = connecting ? 'connecting' : status.state;
  const connected = status.state !== 'disconnected' && status.error !== 'sync.auth';

  const run = (p: Promise<ConnectionStatus>): void => {
    setError(undefined);
    p.then(onStatus, (e: unknown) => {
      const field = (e as { error?: { field?: string } }).error?.field;
      setError({ text: errorText(e), ...(field ? { field: field.replace(/^input\./, '') } : {}) });
    });
  };

  const connect = (): void => {
    // signing in again: what was entered before (non-secret fields only), unless retyped
    const input = { ...status.prefill, ...values };
    const origins = originsOf(crm, input);
    setError(undefined);
    setConnecting(true);
    // The CRM's API origins, Salesforce's session cookie and (Firefox) consent to send the CRM its data, in one prompt.
    const ask = connectPermissions(crm, origins, declaredDataCollection(browser.runtime.getManifest()));
    const request = ask ? browser.permissions.request(ask as Parameters<typeof browser.permissions.request>[0]) : Promise.resolve(true);
    const asked = request.catch(() => false);
    void asked
      .then(async (granted) => {
        if (!granted) throw new Error(t('options.connections.denied', { origin: origins.join(', ') }));
        const s = await send('connectCrm', { crm, input });
        setValues({});
        onStatus(s);
      })
      .catch((e: unknown) => {
        const field = (e as { error?: { field?: string } }).error?.field;
        setError({ text: e instanceof Error && !('error' in e) ? e.message : errorText(e), ...(field ? { field: field.replace(/^input\./, '') } : {}) });
      })
      .finally(() => setConnecting(false));
  };

  const when = status.lastSyncAt
    ? new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(status.lastSyncAt))
    : undefined;
  const p = status.progress;
  return (
    <article
      className="o-connection"
      data-rapport-connection={crm}
      data-state={state}
      data-outbox={status.outbox}
      data-last-sync={status.lastSyncAt ?? ''}
      aria-labelledby={`connection-${crm}`}
    >
      <h3 id={`connection-${crm}`}>
        {CRM_NAMES[crm]} <span className="o-connection-state">{t(`options.connections.state.${state}` as OptionsKey)}</span>
      </h3>
      {connected ? (
        <>
          <p>{t('options.connections.as', { name: status.user?.email ? `${status.user.name} <${status.user.email}>` : (status.user?.name ?? '') })}</p>
          <p>{when ? t('options.connections.lastSync', { when }) : t('options.connections.neverSynced')}</p>
          <p>{t('options.connections.outbox', { count: status.outbox })}</p>
          {p && status.state === 'syncing' ? (
            <div className="o-connection-progress">
              <progress aria-label={t('options.connections.progress')} value={p.read} max={p.total ?? undefined} />
              <span>
                {p.total !== undefined
                  ? t('options.connections.read', { read: p.read, total: p.total })
                  : t('options.connections.readNoTotal', { read: p.read })}
              </span>
              {p.skipped ? <span> · {t('options.connections.skipped', { count: p.skipped })}</span> : null}
            </div>
          ) : null}
          <label className="o-check">
            <input type="checkbox" checked={status.writeBack} onChange={(e) => run(send('setSyncOptions', { crm, writeBack: e.target.checked }))} />{' '}
            {t('options.connections.writeBack')}
          </label>
          {status.canWriteScores ? (
            <label className="o-check">
              <input type="checkbox" checked={status.writeScores} onChange={(e) => run(send('setSyncOptions', { crm, writeScores: e.target.checked }))} />{' '}
              {t('options.connections.writeScores')}
            </label>
          ) : null}
          <div className="r-actions">
            <Button variant="primary" disabled={status.state === 'syncing'} onClick={() => run(send('syncCrm', { crm }))}>
              {t('options.connections.syncNow')}
            </Button>
            {status.state === 'syncing' ? <Button onClick={() => run(send('cancelSync', { crm }))}>{t('options.connections.cancel')}</Button> : null}
            <Button variant="ghost" onClick={() => run(send('disconnectCrm', { crm }))}>
              {t('options.connections.disconnect')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="r-hint">{t(`options.connections.how.${crm}` as OptionsKey)}</p>
          {connector.fields.map((f) => (
            <Field key={f.name} label={label(f.labelKey as ConnectLabelKey)} error={error?.field === f.name ? error.text : undefined}>
              {(control) => (
                <input
                  {...control}
                  type={f.secret ? 'password' : 'text'}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={f.placeholder}
                  required={!f.optional}
                  value={values[f.name] ?? status.prefill?.[f.name] ?? ''}
                  onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
                />
              )}
            </Field>
          ))}
          <div className="r-actions">
            <Button variant="primary" disabled={connecting} onClick={connect}>
              {t('options.connections.connect')}
            </Button>
            {status.state !== 'disconnected' ? (
              <Button variant="ghost" onClick={() => run(send('disconnectCrm', { crm }))}>
                {t('options.connections.disconnect')}
              </Button>
            ) : null}
          </div>
        </>
      )}
      {status.error && status.state !== 'syncing' ? (
        <p className="r-error" role="alert" data-rapport-sync-error={status.error}>
          {errorText({ code: status.error })}
        </p>
      ) : null}
      {error && !error.field ? (
        <p className="r-error" role="alert">
          {error.text}
        </p>
      ) : null}
    </article>
  );
}
