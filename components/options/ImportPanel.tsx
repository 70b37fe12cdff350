/** Import section: file picker and drop zone, interrupted imports, one card per file, history. */
import { useCallback, useEffect, useState, type DragEvent, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { openReadDb } from '../../lib/db/read-db';
import { importLogRepo, type ImportCheckpoint } from '../../lib/db/repos/import-log';
import { importLockName } from '../../lib/import/worker-protocol';
import { dropImportFile, hasImportFile } from '../../lib/import/worker-files';
import { send } from '../../lib/messaging/client';
import type { ImportLog } from '../../lib/schemas/domain';
import { Button, useErrorText, useSettings } from '../common';
import { ImportJobCard } from './ImportJobCard';
import { useImportJobs } from './useImportJobs';
import { useOptionsT } from './t';
import { useSampleImportGate } from './SampleImportGate';

interface Interrupted {
  log: ImportLog;
  checkpoint: ImportCheckpoint;
}

/** Running imports whose Worker is gone (no Web Lock held): tab closed or browser killed. */
async function interrupted(): Promise<Interrupted[]> {
  const open = await importLogRepo(openReadDb()).unfinished();
  const held = new Set(((await navigator.locks.query()).held ?? []).map((l) => l.name));
  const candidates = open.filter((o): o is Interrupted => !held.has(importLockName(o.log.id)) && o.checkpoint !== undefined);
  const withFile = await Promise.all(candidates.map((o) => hasImportFile(o.log.id).catch(() => false)));
  return candidates.filter((_, i) => withFile[i]);
}

/** The background undoes what the import wrote; then the stored copy of its file goes. */
async function rollback(importId: string): Promise<void> {
  await send('rollbackImport', { importId });
  await dropImportFile(importId).catch(() => undefined);
}

export function ImportPanel(): JSX.Element {
  const t = useOptionsT();
  const errorText = useErrorText();
  const [stale, setStale] = useState<Interrupted[]>([]);
  const [notice, setNotice] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [rollingBack, setRollingBack] = useState<ReadonlySet<string>>(new Set());
  const refresh = useCallback(() => {
    void interrupted().then(setStale);
  }, []);
  const jobs = useImportJobs(refresh, useSettings().neverLog);
  const gate = useSampleImportGate(jobs.addFiles);
  useEffect(refresh, [refresh]);
  const history = useLiveQuery(() => importLogRepo(openReadDb()).recent(10), []);

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) gate.add(e.dataTransfer.files);
  };

  return (
    <section className="o-section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('options.import.heading')}</h2>
      <p className="o-muted">{t('options.import.intro')}</p>
      {stale.map(({ log, checkpoint }) => (
        <div key={log.id} className="o-unfinished" role="alert" data-import-unfinished={log.id}>
          <h3>{t('options.import.unfinished.heading')}</h3>
          <p>{t('options.import.unfinished.text', { name: log.fileName, rows: log.rowsSeen, accepted: log.accepted, rejected: log.rejected })}</p>
          <div className="o-actions">
            <Button
              variant="primary"
              onClick={() => {
                setStale((s) => s.filter((x) => x.log.id !== log.id));
                jobs.resume(log, checkpoint);
              }}
            >
              {t('options.import.unfinished.resume', { name: log.fileName })}
            </Button>
            <Button
              variant="danger"
              disabled={rollingBack.has(log.id)}
              onClick={() => {
                setRollingBack((s) => new Set(s).add(log.id));
                void rollback(log.id)
                  .then(
                    () => setNotice(t('options.import.unfinished.rolledBack', { name: log.fileName })),
                    (e: unknown) => setNotice(t('options.import.failed', { message: errorText(e) })),
                  )
                  .finally(refresh);
              }}
            >
              {t('options.import.unfinished.rollback', { name: log.fileName })}
            </Button>
          </div>
          {rollingBack.has(log.id) ? <p role="status">{t('options.import.unfinished.rollingBack', { name: log.fileName })}</p> : null}
        </div>
      ))}
      {notice ? <p role="status">{notice}</p> : null}
      {gate.question}
      <div
        className={`o-drop${dragging ? ' o-drop--over' : ''}`}
        role="group"
        aria-label={t('options.import.dropzone')}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="r-btn r-btn--primary o-file-label">
          {t('options.import.pick')}
          <input
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple
            aria-label={t('options.import.pick')}
            className="o-file-input"
            onChange={(e) => {
              if (e.target.files?.length) gate.add(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <span className="o-muted">{t('options.import.drop')}</span>
      </div>
      <div className="o-jobs">
        {jobs.jobs.map((job) => (
          <ImportJobCard
            key={job.id}
            job={job}
            onStartWithMapping={(kind, mapping) => jobs.startWithMapping(job.id, kind, mapping)}
            onDiscard={() => jobs.discard(job.id)}
            onDateOrder={(o) => jobs.answerDateOrder(job.id, o)}
            onCancel={() => jobs.cancel(job.id)}
            rejectedRows={() => jobs.rejectedRows(job.id)}
          />
        ))}
      </div>
      {history?.length ? (
        <details className="o-history">
          <summary>{t('options.import.history')}</summary>
          <ul>
            {history.map((l) => (
              <li key={l.id} data-import-log={l.status}>
                {t('options.import.historyRow', {
                  name: l.fileName,
                  status: t(`options.import.status.${l.status}`),
                  accepted: l.accepted,
                  rejected: l.rejected,
                  duplicates: l.duplicates,
                })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
