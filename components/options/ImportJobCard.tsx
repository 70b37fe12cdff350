/**
 * One file's import: progress (rows, rate, ETA, cancel), the date-order question, the result
 * with the contract attributes (`data-import-status`, `data-accepted`, `data-rejected`,
 * `data-duplicates`), rejected rows and their CSV download, then the rescore.
 */
import { useState, type JSX } from 'react';
import type { ImportJob } from './useImportJobs';
import type { DateOrder } from '../../lib/import/values';
import { rejectedRowsCsv } from '../../lib/export/tables';
import { Button, RadioGroup, useErrorText, useLocale } from '../common';
import { localeTag } from '../common';
import { downloadText } from './download';
import { MappingStep } from './MappingStep';
import { useOptionsT } from './t';
import { useRowReason } from './row-reason';
import { CRM_NAMES } from './crm-names';
import type { ImportKind } from '../../lib/import/columns';
import type { RowError } from '../../lib/import/rows';

export interface ImportJobCardProps {
  job: ImportJob;
  onStartWithMapping: (kind: ImportKind, mapping: Record<string, string>) => void;
  onDiscard: () => void;
  onDateOrder: (o: DateOrder) => void;
  onCancel: () => void;
  rejectedRows: () => RowError[];
}

function formatEta(seconds: number | undefined, fallback: string): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return fallback;
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` : `${s}s`;
}

export function ImportJobCard({ job, onStartWithMapping, onDiscard, onDateOrder, onCancel, rejectedRows }: ImportJobCardProps): JSX.Element {
  const t = useOptionsT();
  const errorText = useErrorText();
  const reason = useRowReason();
  const nf = new Intl.NumberFormat(localeTag(useLocale()));
  const [order, setOrder] = useState<DateOrder | undefined>();
  const p = job.progress;
  const status = job.phase === 'done' ? 'done' : job.phase === 'error' ? 'error' : job.phase === 'cancelled' ? 'cancelled' : 'running';
  const presetLabel = job.inspection
    ? job.inspection.mapping.preset === 'canonical'
      ? t('options.import.preset.canonical')
      : CRM_NAMES[job.inspection.mapping.preset]
    : '';
  return (
    <article
      className={`o-job o-job--${status}`}
      aria-label={t('options.import.file', { name: job.fileName })}
      data-import-status={status}
      data-file-name={job.fileName}
      {...(job.phase === 'done' && job.log
        ? { 'data-accepted': job.log.accepted, 'data-rejected': job.log.rejected, 'data-duplicates': job.log.duplicates }
        : {})}
    >
      <h3 className="o-job-title">{job.fileName}</h3>
      {job.inspection && job.phase !== 'mapping' && job.inspection.mapping.missing.length === 0 ? (
        <p className="o-muted">{t('options.import.detected', { kind: t(`options.import.kind.${job.inspection.mapping.kind}`), preset: presetLabel })}</p>
      ) : null}
      {job.phase === 'inspecting' ? <p>{t('options.import.reading')}</p> : null}
      {job.phase === 'mapping' && job.inspection ? (
        <MappingStep fileName={job.fileName} inspection={job.inspection} onStart={onStartWithMapping} onDiscard={onDiscard} />
      ) : null}
      {job.phase === 'running' ? (
        <div className="o-progress">
          <progress aria-label={t('options.import.progress')} max={p?.totalBytes || 1} value={p?.bytesRead ?? 0} />
          <span aria-live="polite">
            {t('options.import.progressText', {
              rows: nf.format(p?.rowsSeen ?? 0),
              rate: job.rate ? nf.format(Math.round(job.rate)) : '—',
              eta: formatEta(job.etaSeconds, t('options.import.etaUnknown')),
            })}
          </span>
          <Button variant="secondary" onClick={onCancel}>
            {t('options.import.cancel')}
          </Button>
        </div>
      ) : null}
      {job.phase === 'dateOrder' ? (
        <div className="o-question" role="group" aria-label={t('options.import.dateOrder.label')}>
          <p>{t('options.import.dateOrder.question', { name: job.fileName })}</p>
          <RadioGroup
            label={t('options.import.dateOrder.label')}
            name={`order-${job.id}`}
            options={[
              { value: 'dmy', label: t('options.import.dateOrder.dmy') },
              { value: 'mdy', label: t('options.import.dateOrder.mdy') },
            ]}
            value={order}
            onChange={setOrder}
          />
          <div className="o-actions">
            <Button variant="primary" disabled={!order} onClick={() => order && onDateOrder(order)}>
              {t('options.import.dateOrder.confirm')}
            </Button>
            <Button onClick={onCancel}>{t('options.import.cancel')}</Button>
          </div>
        </div>
      ) : null}
      {job.phase === 'done' && job.log ? (
        <div role="status">
          <p>
            {t('options.import.done', {
              accepted: nf.format(job.log.accepted),
              duplicates: nf.format(job.log.duplicates),
              rejected: nf.format(job.log.rejected),
            })}
          </p>
          {job.unknownColumns?.length ? <p className="o-muted">{t('options.import.unknownColumns', { columns: job.unknownColumns.join(', ') })}</p> : null}
          {job.placeholdersCreated ? <p className="o-muted">{t('options.import.placeholders', { count: job.placeholdersCreated })}</p> : null}
          {job.rescore?.state === 'running' ? (
            <p className="o-progress">
              <span>{t('options.import.rescoring')}</span>
              {job.rescore.total ? <progress aria-label={t('options.import.rescoring')} max={job.rescore.total} value={job.rescore.done ?? 0} /> : null}
            </p>
          ) : null}
          {job.rescore?.state === 'done' ? <p data-rescore="done">{t('options.import.rescored', { count: job.rescore.customers ?? 0 })}</p> : null}
          {job.rescore?.state === 'error' ? <p className="o-warn">{t('options.import.rescoreFailed', { message: errorText(job.rescore.error) })}</p> : null}
        </div>
      ) : null}
      {job.phase === 'error' ? (
        <p className="o-error" role="alert" data-import-error={job.refused ? 'refused' : 'failed'}>
          {job.refused ? t('options.import.refused', { message: errorText(job.error) }) : t('options.import.failed', { message: errorText(job.error) })}
        </p>
      ) : null}
      {job.phase === 'cancelled' ? <p role="status">{t('options.import.cancelled')}</p> : null}
      {job.rejectedCount ? (
        <details className="o-rejected">
          <summary>
            {t('options.import.rejectedTable')} ({nf.format(job.rejectedCount)})
          </summary>
          <Button onClick={() => downloadText(`${job.fileName.replace(/\.[^.]+$/, '')}-rejected.csv`, rejectedRowsCsv(rejectedRows(), reason))}>
            {t('options.import.downloadRejected')}
          </Button>
          <table className="o-table">
            <thead>
              <tr>
                <th scope="col">{t('options.import.col.line')}</th>
                <th scope="col">{t('options.import.col.column')}</th>
                <th scope="col">{t('options.import.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {job.rejectedPreview.map((r, i) => (
                <tr key={i}>
                  <td>{r.line}</td>
                  <td>{r.column ?? ''}</td>
                  <td>{reason(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {job.rejectedCount > job.rejectedPreview.length ? (
            <p>{t('options.import.moreRejected', { count: nf.format(job.rejectedCount - job.rejectedPreview.length) })}</p>
          ) : null}
        </details>
      ) : null}
    </article>
  );
}
