/** Import section: file picker and drop zone, interrupted imports, one card per file, history. */
import { useCallback, useEffect, useState, type DragEvent, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/db';
import { unfinishedImports } from '../../lib/import/store';
import { importLockName, type FromWorker, type ToWorker } from '../../lib/import/worker-protocol';
import type { ImportLog } from '../../lib/schemas/domain';
import { Button } from '../shared';
import { ImportJobCard } from './ImportJobCard';
import { useImportJobs } from './useImportJobs';
import { useOptionsT } from './t';

/** Running imports whose Worker is gone (no Web Lock held): tab closed or browser killed. */
async function interrupted(): Promise<ImportLog[]> {
  const open = await unfinishedImports(getDb());
  const held = new Set(((await navigator.locks.query()).held ?? []).map((l) => l.name));
  return open.filter((o) => !held.has(importLockName(o.log.id)) && o.checkpoint && o.file).map((o) => o.log);
}

/** Roll back in a Worker: deleting a large import's rows must not stall the page. */
function rollbackInWorker(importId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('../../lib/import/worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (ev: MessageEvent<FromWorker>) => {
      w.terminate();
      if (ev.data.type === 'rolledBack') resolve();
      else reject(new Error(ev.data.type === 'error' ? ev.data.message : ev.data.type));
    });
    w.postMessage({ type: 'rollback', importId } satisfies ToWorker);
  });
}

export function ImportPanel(): JSX.Element {
  const t = useOptionsT();
  const [stale, setStale] = useState<ImportLog[]>([]);
  const [notice, setNotice] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [rollingBack, setRollingBack] = useState<ReadonlySet<string>>(new Set());
  const refresh = useCallback(() => {
    void interrupted().then(setStale);
  }, []);
  const jobs = useImportJobs(refresh);
  useEffect(refresh, [refresh]);
  const history = useLiveQuery(() => getDb().importLog.orderBy('startedAt').reverse().limit(10).toArray(), []);

  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) jobs.addFiles(e.dataTransfer.files);
  };

  return (
    <section className="o-section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('options.import.heading')}</h2>
      <p className="o-muted">{t('options.import.intro')}</p>
      {stale.map((log) => (
        <div key={log.id} className="o-unfinished" role="alert" data-import-unfinished={log.id}>
          <h3>{t('options.import.unfinished.heading')}</h3>
          <p>{t('options.import.unfinished.text', { name: log.fileName, rows: log.rowsSeen, accepted: log.accepted, rejected: log.rejected })}</p>
          <div className="o-actions">
            <Button
              variant="primary"
              onClick={() => {
                setStale((s) => s.filter((x) => x.id !== log.id));
                jobs.resume(log.id, log.fileName);
              }}
            >
              {t('options.import.unfinished.resume', { name: log.fileName })}
            </Button>
            <Button
              variant="danger"
              disabled={rollingBack.has(log.id)}
              onClick={() => {
                setRollingBack((s) => new Set(s).add(log.id));
                void rollbackInWorker(log.id)
                  .then(
                    () => setNotice(t('options.import.unfinished.rolledBack', { name: log.fileName })),
                    (e: unknown) => setNotice(t('options.import.failed', { message: e instanceof Error ? e.message : String(e) })),
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
              if (e.target.files?.length) jobs.addFiles(e.target.files);
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
