/**
 * Import jobs of the options page: one Worker per file (lib/import/worker.ts) parsing and
 * validating off the main thread, its row batches relayed to the background — the only writer
 * — over the import port. This hook keeps each job's state (mapping step, progress with rate
 * and ETA, date-order question, result, rejected rows, the background's rescore after it).
 */
import { useCallback, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { inspectHead, isXlsxName, INSPECT_BYTES, type FileInspection } from '../../lib/import/inspect';
import type { ImportKind } from '../../lib/import/columns';
import type { RowError } from '../../lib/import/rows';
import type { ImportProgress } from '../../lib/import/run';
import type { DateOrder } from '../../lib/import/values';
import type { FromWorker, ToWorker } from '../../lib/import/worker-protocol';
import type { ImportCheckpoint } from '../../lib/db/repos/import-log';
import type { ImportLog } from '../../lib/schemas/domain';
import type { AppError } from '../../lib/messaging/errors';
import { IMPORT_PORT, type ImportNotice } from '../../lib/messaging/ports';
import type { RescoreProgress } from '../../lib/messaging/protocol';
import { today } from '../../lib/clock';
import { PortClient } from './port-client';

export type JobPhase = 'inspecting' | 'mapping' | 'running' | 'dateOrder' | 'done' | 'error' | 'cancelled';

export interface ImportJob {
  id: string;
  fileName: string;
  file?: File;
  phase: JobPhase;
  inspection?: FileInspection;
  progress?: ImportProgress;
  startedAt: number;
  /** rows/s over the run so far. */
  rate?: number;
  etaSeconds?: number;
  /** First rejected rows (shown); all of them are kept outside React state for the download. */
  rejectedPreview: RowError[];
  rejectedCount: number;
  log?: ImportLog;
  kind?: ImportKind;
  unknownColumns?: string[];
  placeholdersCreated?: number;
  error?: AppError;
  refused?: boolean;
  rescore?: { state: 'running' | 'done' | 'error'; customers?: number; error?: AppError; done?: number; total?: number };
}

const newId = (): string => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

export interface ImportJobs {
  jobs: ImportJob[];
  addFiles: (files: FileList | File[]) => void;
  startWithMapping: (id: string, kind: ImportKind, mapping: Record<string, string>) => void;
  discard: (id: string) => void;
  answerDateOrder: (id: string, order: DateOrder) => void;
  cancel: (id: string) => void;
  resume: (log: ImportLog, checkpoint: ImportCheckpoint) => void;
  /** Every rejected row of a job (for the CSV download). */
  rejectedRows: (id: string) => RowError[];
}

const PREVIEW = 50;
const newWorker = (): Worker => new Worker(new URL('../../lib/import/worker.ts', import.meta.url), { type: 'module' });

/** `neverLog`: the privacy list of the settings; the import refuses rows it names. */
export function useImportJobs(onFinished?: () => void, neverLog: readonly string[] = []): ImportJobs {
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const workers = useRef(new Map<string, Worker>());
  const rejectedRef = useRef(new Map<string, RowError[]>());

  const update = useCallback((id: string, patch: Partial<ImportJob> | ((j: ImportJob) => Partial<ImportJob>)) => {
    setJobs((js) => js.map((j) => (j.id === id ? { ...j, ...(typeof patch === 'function' ? patch(j) : patch) } : j)));
  }, []);

  const launch = useCallback(
    (id: string, msg: ToWorker) => {
      const w = newWorker();
      workers.current.set(id, w);
      rejectedRef.current.set(id, []);
      const onProgress = (m: unknown): undefined => {
        const p = m as RescoreProgress;
        if (p?.type === 'rapport:rescore-progress')
          update(id, (j) => (j.rescore?.state === 'running' ? { rescore: { ...j.rescore, done: p.done, total: p.total } } : {}));
        return undefined;
      };
      const client = new PortClient({
        name: IMPORT_PORT,
        interrupted: { code: 'import.interrupted' },
        onNotice: (n) => {
          const notice = n as ImportNotice;
          if (notice.notice === 'rescored') update(id, { rescore: { state: 'done', customers: notice.customers } });
          else if (notice.notice === 'rescore-failed') update(id, { rescore: { state: 'error', error: notice.error } });
          else return;
          browser.runtime.onMessage.removeListener(onProgress);
          client.close();
        },
        onDrop: () =>
          update(id, (j) =>
            j.rescore?.state === 'running' ? { rescore: { state: 'error', error: { code: 'background.no-answer', params: { type: 'rescore' } } } } : {},
          ),
      });
      const finish = (): void => {
        w.terminate();
        workers.current.delete(id);
        onFinished?.();
      };
      browser.runtime.onMessage.addListener(onProgress);
      const startedAt = performance.now();
      w.addEventListener('message', (ev: MessageEvent<FromWorker>) => {
        const m = ev.data;
        switch (m.type) {
          case 'request':
            void client.relay(m.request).then((reply) => w.postMessage({ type: 'reply', reply } satisfies ToWorker));
            break;
          case 'progress': {
            const secs = (performance.now() - startedAt) / 1000;
            const rate = secs > 0 ? m.progress.rowsSeen / secs : undefined;
            const fraction = m.progress.totalBytes ? m.progress.bytesRead / m.progress.totalBytes : 0;
            const etaSeconds = fraction > 0.01 && secs > 0 ? (secs * (1 - fraction)) / fraction : undefined;
            update(id, { phase: 'running', progress: m.progress, rate, etaSeconds });
            break;
          }
          case 'rejected': {
            const all = rejectedRef.current.get(id)!;
            for (const r of m.rows) all.push(r);
            update(id, (j) => ({
              rejectedCount: all.length,
              rejectedPreview: j.rejectedPreview.length >= PREVIEW ? j.rejectedPreview : all.slice(0, PREVIEW),
            }));
            break;
          }
          case 'needDateOrder':
            update(id, { phase: 'dateOrder' });
            break;
          case 'done':
            // The background wrote the rows; it now rescores everyone and says so on the port.
            // (the rescore may even be over already: its notice can overtake this message)
            update(id, (j) => ({
              phase: 'done',
              log: m.log,
              kind: m.kind,
              unknownColumns: m.unknownColumns,
              placeholdersCreated: m.placeholdersCreated,
              rescore: j.rescore ?? { state: 'running' },
            }));
            finish();
            break;
          case 'cancelled':
            update(id, { phase: 'cancelled' });
            browser.runtime.onMessage.removeListener(onProgress);
            client.close();
            finish();
            break;
          case 'error':
            update(id, { phase: 'error', error: m.error, refused: m.refused });
            browser.runtime.onMessage.removeListener(onProgress);
            client.close();
            finish();
            break;
        }
      });
      w.addEventListener('error', () => update(id, { phase: 'error', error: { code: 'internal' } }));
      w.postMessage(msg);
    },
    [onFinished, update],
  );

  const start = useCallback(
    (job: ImportJob, kind?: ImportKind, mapping?: Record<string, string>) => {
      update(job.id, { phase: 'running', startedAt: performance.now() });
      launch(job.id, { type: 'start', file: job.file!, importId: job.id, kind, mapping, asOf: today(), neverLog: [...neverLog] });
    },
    [launch, update, neverLog],
  );

  const addFiles = useCallback(
    (files: FileList | File[]) => {
      for (const file of Array.from(files)) {
        const job: ImportJob = {
          id: newId(),
          fileName: file.name,
          file,
          phase: 'inspecting',
          startedAt: performance.now(),
          rejectedPreview: [],
          rejectedCount: 0,
        };
        setJobs((js) => [job, ...js]);
        const inspected = (inspection: FileInspection | undefined): void => {
          // Empty or unreadable files go straight to the worker, which refuses them with the reason.
          if (!inspection || inspection.mapping.missing.length === 0) {
            update(job.id, { inspection });
            start(job);
          } else update(job.id, { inspection, phase: 'mapping' });
        };
        if (isXlsxName(file.name)) {
          // XLSX is unzipped and parsed off the main thread, also for the first look.
          const w = newWorker();
          w.addEventListener('message', (ev: MessageEvent<FromWorker>) => {
            w.terminate();
            if (ev.data.type === 'inspection') inspected(ev.data.inspection);
            else if (ev.data.type === 'error') update(job.id, { phase: 'error', error: ev.data.error, refused: true });
          });
          w.postMessage({ type: 'inspect', file } satisfies ToWorker);
        } else
          void file
            .slice(0, INSPECT_BYTES)
            .arrayBuffer()
            .then((buf) => inspected(inspectHead(new Uint8Array(buf))));
      }
    },
    [start, update],
  );

  const startWithMapping = useCallback(
    (id: string, kind: ImportKind, mapping: Record<string, string>) => {
      setJobs((js) => {
        const job = js.find((j) => j.id === id);
        if (job) queueMicrotask(() => start(job, kind, mapping));
        return js;
      });
    },
    [start],
  );

  return {
    jobs,
    addFiles,
    startWithMapping,
    discard: (id) => setJobs((js) => js.filter((j) => j.id !== id)),
    answerDateOrder: (id, order) => {
      workers.current.get(id)?.postMessage({ type: 'dateOrder', order } satisfies ToWorker);
      update(id, { phase: 'running' });
    },
    cancel: (id) => workers.current.get(id)?.postMessage({ type: 'cancel' } satisfies ToWorker),
    rejectedRows: (id) => rejectedRef.current.get(id) ?? [],
    resume: (log, checkpoint) => {
      const job: ImportJob = { id: log.id, fileName: log.fileName, phase: 'running', startedAt: performance.now(), rejectedPreview: [], rejectedCount: 0 };
      setJobs((js) => [job, ...js.filter((j) => j.id !== log.id)]);
      launch(log.id, { type: 'resume', importId: log.id, asOf: today(), neverLog: [...neverLog], checkpoint, log });
    },
  };
}
