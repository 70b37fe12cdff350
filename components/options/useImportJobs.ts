/**
 * Import jobs of the options page: one Worker per file (lib/import/worker.ts) doing parsing,
 * validation and writes off the main thread; this hook keeps each job's state (mapping step,
 * progress with rate and ETA, date-order question, result, rejected rows) and asks the
 * background to rescore once a file is in.
 */
import { useCallback, useRef, useState } from 'react';
import { inspectHead, isXlsxName, INSPECT_BYTES, type FileInspection } from '../../lib/import/inspect';
import type { ImportKind } from '../../lib/import/columns';
import type { RowError } from '../../lib/import/rows';
import type { ImportProgress } from '../../lib/import/run';
import type { DateOrder } from '../../lib/import/values';
import type { FromWorker, ToWorker } from '../../lib/import/worker-protocol';
import type { ImportLog } from '../../lib/schemas/domain';
import { send } from '../../lib/messaging/client';
import { broadcastDataChanged } from '../../lib/services/broadcast';
import type { RescoreProgress } from '../../lib/messaging/protocol';
import { browser } from 'wxt/browser';
import { today } from '../../lib/clock';

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
  message?: string;
  refused?: boolean;
  rescore?: { state: 'running' | 'done' | 'error'; customers?: number; message?: string; done?: number; total?: number };
}

const newId = (): string => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

export interface ImportJobs {
  jobs: ImportJob[];
  addFiles: (files: FileList | File[]) => void;
  startWithMapping: (id: string, kind: ImportKind, mapping: Record<string, string>) => void;
  discard: (id: string) => void;
  answerDateOrder: (id: string, order: DateOrder) => void;
  cancel: (id: string) => void;
  resume: (importId: string, fileName: string) => void;
  /** Every rejected row of a job (for the CSV download). */
  rejectedRows: (id: string) => RowError[];
}

const PREVIEW = 50;

export function useImportJobs(onFinished?: () => void): ImportJobs {
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const workers = useRef(new Map<string, Worker>());
  const rejectedRef = useRef(new Map<string, RowError[]>());

  const update = useCallback((id: string, patch: Partial<ImportJob> | ((j: ImportJob) => Partial<ImportJob>)) => {
    setJobs((js) => js.map((j) => (j.id === id ? { ...j, ...(typeof patch === 'function' ? patch(j) : patch) } : j)));
  }, []);

  const rescore = useCallback(
    async (id: string) => {
      update(id, { rescore: { state: 'running' } });
      const onProgress = (m: unknown): undefined => {
        const p = m as RescoreProgress;
        if (p?.type === 'rapport:rescore-progress')
          update(id, (j) => (j.rescore?.state === 'running' ? { rescore: { ...j.rescore, done: p.done, total: p.total } } : {}));
        return undefined;
      };
      browser.runtime.onMessage.addListener(onProgress);
      try {
        const r = await send('rescoreAll', { asOf: today() });
        update(id, { rescore: { state: 'done', customers: r.customers } });
      } catch (e) {
        update(id, { rescore: { state: 'error', message: e instanceof Error ? e.message : String(e) } });
      } finally {
        browser.runtime.onMessage.removeListener(onProgress);
      }
    },
    [update],
  );

  const launch = useCallback(
    (id: string, msg: ToWorker) => {
      const w = new Worker(new URL('../../lib/import/worker.ts', import.meta.url), { type: 'module' });
      workers.current.set(id, w);
      rejectedRef.current.set(id, []);
      const startedAt = performance.now();
      let firstRows: { t: number; rows: number } | undefined;
      w.addEventListener('message', (ev: MessageEvent<FromWorker>) => {
        const m = ev.data;
        switch (m.type) {
          case 'progress': {
            const now = performance.now();
            firstRows ??= { t: startedAt, rows: 0 };
            const secs = (now - firstRows.t) / 1000;
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
            update(id, { phase: 'done', log: m.log, kind: m.kind, unknownColumns: m.unknownColumns, placeholdersCreated: m.placeholdersCreated });
            w.terminate();
            workers.current.delete(id);
            onFinished?.();
            // Overlays and pages refresh now; the rescore broadcasts again when scores are in.
            void broadcastDataChanged(m.changedCustomerIds.length <= 1000 ? m.changedCustomerIds : undefined).catch(() => undefined);
            void rescore(id);
            break;
          case 'cancelled':
            update(id, { phase: 'cancelled' });
            w.terminate();
            workers.current.delete(id);
            onFinished?.();
            break;
          case 'error':
            update(id, { phase: 'error', message: m.message, refused: m.refused });
            w.terminate();
            workers.current.delete(id);
            onFinished?.();
            break;
        }
      });
      w.addEventListener('error', (e) => update(id, { phase: 'error', message: e.message || 'Worker error' }));
      w.postMessage(msg);
    },
    [onFinished, rescore, update],
  );

  const start = useCallback(
    (job: ImportJob, kind?: ImportKind, mapping?: Record<string, string>) => {
      update(job.id, { phase: 'running', startedAt: performance.now() });
      launch(job.id, { type: 'start', file: job.file!, importId: job.id, kind, mapping, asOf: today() });
    },
    [launch, update],
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
          const w = new Worker(new URL('../../lib/import/worker.ts', import.meta.url), { type: 'module' });
          w.addEventListener('message', (ev: MessageEvent<FromWorker>) => {
            w.terminate();
            if (ev.data.type === 'inspection') inspected(ev.data.inspection);
            else if (ev.data.type === 'error') update(job.id, { phase: 'error', message: ev.data.message, refused: true });
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
    resume: (importId, fileName) => {
      const job: ImportJob = { id: importId, fileName, phase: 'running', startedAt: performance.now(), rejectedPreview: [], rejectedCount: 0 };
      setJobs((js) => [job, ...js.filter((j) => j.id !== importId)]);
      launch(importId, { type: 'resume', importId, asOf: today() });
    },
  };
}
