/**
 * Export CSVs, full backup and restore (with a plan of what changes), sample data, deleting
 * all data, storage. Exports and the backup only read; restoring, the sample book and deleting
 * are done by the background.
 */
import { useEffect, useMemo, useState, type JSX } from 'react';
import { openReadDb } from '../../lib/db/read-db';
import { EXPORTERS, type ExportKind } from '../../lib/export/tables';
import { backupFileName, type RestorePlan } from '../../lib/backup/backup';
import { backupInWorker } from './data-worker';
import { RestoreClient } from './restore-client';
import { send } from '../../lib/messaging/client';
import { Button, localeTag, useErrorText, useLocale, useSettings } from '../common';
import { downloadBlob, downloadText } from './download';
import { SampleDataControls } from '../common/SampleData';
import { useOptionsT, type OptionsKey } from './t';

const EXPORTS: ExportKind[] = ['scores', 'actions', 'goals'];

function formatBytes(n: number, tag: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(v)} ${units[i]}`;
}

function StorageInfo(): JSX.Element {
  const t = useOptionsT();
  const tag = localeTag(useLocale());
  const [estimate, setEstimate] = useState<StorageEstimate>();
  const [persisted, setPersisted] = useState<boolean>();
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    void navigator.storage?.estimate?.().then(setEstimate);
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  return (
    <section className="o-section" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('options.storage.heading')}</h2>
      <p data-storage-used={estimate?.usage ?? ''}>
        {estimate?.usage !== undefined && estimate.quota !== undefined
          ? t('options.storage.used', { used: formatBytes(estimate.usage, tag), quota: formatBytes(estimate.quota, tag) })
          : t('options.storage.unknown')}
      </p>
      <p>{persisted ? t('options.storage.persisted') : t('options.storage.notPersisted')}</p>
      {!persisted ? (
        <Button
          onClick={() => {
            void navigator.storage.persist().then((ok) => {
              setPersisted(ok);
              setDenied(!ok);
            });
          }}
        >
          {t('options.storage.persist')}
        </Button>
      ) : null}
      {denied ? <p className="o-warn">{t('options.storage.denied')}</p> : null}
    </section>
  );
}

export function DataPanel(): JSX.Element {
  const t = useOptionsT();
  const errorText = useErrorText();
  const settings = useSettings();
  const tag = localeTag(useLocale());
  const [plan, setPlan] = useState<{ exportedAt: number; changes: RestorePlan['changes'] }>();
  // One restore connection per chosen file: the background keeps the parsed backup between the plan and the restore.
  const [restorer, setRestorer] = useState<RestoreClient>();
  useEffect(() => () => restorer?.close(), [restorer]);
  const [message, setMessage] = useState<{ text: string; error?: boolean; kind?: string }>();
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const db = useMemo(() => openReadDb(), []);

  const exportCsv = async (kind: ExportKind): Promise<void> => {
    const csv = await EXPORTERS[kind](db);
    downloadText(`rapport-${kind}-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  };
  const backup = async (): Promise<void> => {
    const now = Date.now();
    try {
      downloadBlob(backupFileName(now), await backupInWorker(settings, now));
    } catch (e) {
      setMessage({ text: t('options.data.backup.error', { message: errorText(e) }), error: true });
    }
  };
  const pickBackup = async (file: File): Promise<void> => {
    setMessage(undefined);
    setPlan(undefined);
    const client = new RestoreClient();
    setRestorer(client);
    try {
      const r = await client.plan(file);
      setPlan({ exportedAt: r.exportedAt, changes: r.changes });
    } catch (e) {
      setRestorer(undefined);
      setMessage({ text: t('options.data.restore.error', { message: errorText(e) }), error: true });
    }
  };
  const restore = async (): Promise<void> => {
    if (!plan || !restorer) return;
    setBusy(true);
    try {
      await restorer.restore();
      setPlan(undefined);
      setRestorer(undefined);
      setMessage({ text: t('options.data.restore.done'), kind: 'restored' });
    } catch (e) {
      setMessage({ text: t('options.data.restore.error', { message: errorText(e) }), error: true });
    } finally {
      setBusy(false);
    }
  };
  const deleteAll = async (): Promise<void> => {
    setBusy(true);
    try {
      await send('deleteAllData', {});
      setConfirmDelete(false);
      setMessage({ text: t('options.data.delete.done'), kind: 'deleted' });
    } catch (e) {
      setMessage({ text: t('options.data.delete.error', { message: errorText(e) }), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="o-section" aria-labelledby="data-heading">
        <h2 id="data-heading">{t('options.data.heading')}</h2>
        <div className="o-actions">
          {EXPORTS.map((k) => (
            <Button key={k} onClick={() => void exportCsv(k)}>
              {t(`options.data.export.${k}`)}
            </Button>
          ))}
          <Button onClick={() => void backup()}>{t('options.data.backup')}</Button>
          <label className="r-btn r-btn--secondary o-file-label">
            {t('options.data.restore')}
            <input
              type="file"
              accept=".json,application/json"
              aria-label={t('options.data.restore')}
              className="o-file-input"
              data-restore-input=""
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void pickBackup(f);
                e.target.value = '';
              }}
            />
          </label>
        </div>
        {plan ? (
          <div className="o-plan" data-restore-plan="">
            <p>{t('options.data.restore.plan', { date: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(plan.exportedAt) })}</p>
            <table className="o-table">
              <thead>
                <tr>
                  <th scope="col">{t('options.data.restore.table')}</th>
                  <th scope="col">{t('options.data.restore.now')}</th>
                  <th scope="col">{t('options.data.restore.after')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.changes.map((c) => (
                  <tr key={c.table} data-table={c.table}>
                    <th scope="row">{t(`options.data.table.${c.table}` as OptionsKey)}</th>
                    <td>{c.current}</td>
                    <td>{c.incoming}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="o-actions">
              <Button variant="danger" disabled={busy} onClick={() => void restore()}>
                {t('options.data.restore.confirm')}
              </Button>
              <Button
                onClick={() => {
                  setPlan(undefined);
                  setRestorer(undefined);
                }}
              >
                {t('options.data.restore.cancel')}
              </Button>
            </div>
          </div>
        ) : null}
        <div className="o-sample">
          <SampleDataControls />
        </div>
        <div className="o-sample">
          {confirmDelete ? (
            <div role="group" aria-label={t('options.data.delete')} className="o-actions">
              <p>{t('options.data.delete.confirmText')}</p>
              <Button variant="danger" disabled={busy} onClick={() => void deleteAll()}>
                {t('options.data.delete.confirm')}
              </Button>
              <Button onClick={() => setConfirmDelete(false)}>{t('options.data.delete.cancel')}</Button>
            </div>
          ) : (
            <Button variant="danger" disabled={busy} onClick={() => setConfirmDelete(true)}>
              {t('options.data.delete')}
            </Button>
          )}
        </div>
        {message ? (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'o-error' : undefined} data-data-message={message.kind ?? 'error'}>
            {message.text}
          </p>
        ) : null}
      </section>
      <StorageInfo />
    </>
  );
}
