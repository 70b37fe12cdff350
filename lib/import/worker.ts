/**
 * The import Worker of the options page: reading and parsing files (CSV, XLSX) and validating
 * rows off the page's main thread. It writes nothing: parsed chunks go to the background
 * (lib/import/worker-sink.ts), which writes them. It also builds backups from the read-only
 * database handle.
 */
import { openReadDb } from '../db/read-db';
import { CodedError, toAppError, type AppError } from '../messaging/errors';
import { ImportFileError } from './parser';
import { ImportCancelled, runImport, type RunImportArgs } from './run';
import { inspectRows } from './inspect';
import { readXlsxRows } from './xlsx';
import { createBackup } from '../backup/backup';
import type { DateOrder } from './values';
import { readImportFile, storeImportFile } from './worker-files';
import { workerSink } from './worker-sink';
import { importLockName, type FromWorker, type ToWorker } from './worker-protocol';

const post = (m: FromWorker): void => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);

const sink = workerSink((request) => post({ type: 'request', request }));
let controller: AbortController | undefined;
let dateOrderWaiter: ((o: DateOrder) => void) | undefined;

/** A file refused as a whole, as the code the page translates. */
function fileError(e: ImportFileError): AppError {
  return e.missing.length
    ? { code: 'import.missing-columns', params: { file: e.file, columns: e.missing.join(', ') } }
    : { code: 'import.empty', params: { file: e.file } };
}

async function run(args: Omit<RunImportArgs, 'sink' | 'onProgress' | 'onRejected' | 'askDateOrder' | 'signal'>): Promise<void> {
  controller = new AbortController();
  const signal = controller.signal;
  await navigator.locks.request(importLockName(args.importId), async () => {
    try {
      const r = await runImport({
        ...args,
        sink,
        signal,
        onProgress: (progress) => post({ type: 'progress', progress }),
        onRejected: (rows) => post({ type: 'rejected', rows }),
        askDateOrder: () =>
          new Promise<DateOrder>((resolve, reject) => {
            dateOrderWaiter = resolve;
            signal.addEventListener('abort', () => reject(new ImportCancelled('Import cancelled.')), { once: true });
            post({ type: 'needDateOrder' });
          }),
      });
      post({ type: 'done', log: r.log, kind: r.kind, unknownColumns: r.unknownColumns, placeholdersCreated: r.placeholdersCreated });
    } catch (e) {
      if (e instanceof ImportCancelled) post({ type: 'cancelled' });
      else if (e instanceof ImportFileError) post({ type: 'error', error: fileError(e), refused: true });
      else post({ type: 'error', error: toAppError(e), refused: false });
    }
  });
}

async function start(m: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  // Kept so the import can resume after the tab or the browser is closed.
  await storeImportFile(m.importId, m.file).catch((e: unknown) => console.warn('[Rapport] could not keep a copy of the file for resuming:', e));
  await run({
    file: m.file,
    fileName: m.file.name,
    lastModified: m.file.lastModified,
    importId: m.importId,
    opts: { kind: m.kind, mapping: m.mapping, asOf: m.asOf, neverLog: m.neverLog },
    sliceSize: m.sliceSize,
  });
}

async function resume(m: Extract<ToWorker, { type: 'resume' }>): Promise<void> {
  const file = await readImportFile(m.importId);
  if (!file) throw new CodedError('import.file-missing', { file: m.log.fileName });
  await run({ file, fileName: m.log.fileName, importId: m.importId, resume: m.checkpoint, resumeLog: m.log, opts: { asOf: m.asOf, neverLog: m.neverLog } });
}

self.addEventListener('message', (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  const fail = (e: unknown, refused = false): void => post({ type: 'error', error: toAppError(e), refused });
  switch (m.type) {
    case 'start':
      void start(m).catch((e: unknown) => fail(e));
      break;
    case 'resume':
      void resume(m).catch((e: unknown) => fail(e));
      break;
    case 'inspect':
      void readXlsxRows(m.file).then(
        (rows) => post({ type: 'inspection', inspection: inspectRows(rows.slice(0, 6), 'xlsx', ',') }),
        () => fail(new CodedError('import.xlsx-unreadable', { file: m.file.name }), true),
      );
      break;
    case 'backup':
      void createBackup(openReadDb(), m.settings, m.exportedAt).then(
        (b) => post({ type: 'backup', blob: new Blob([JSON.stringify(b)], { type: 'application/json' }) }),
        (e: unknown) => fail(e),
      );
      break;
    case 'reply':
      sink.settle(m.reply);
      break;
    case 'dateOrder':
      dateOrderWaiter?.(m.order);
      dateOrderWaiter = undefined;
      break;
    case 'cancel':
      controller?.abort();
      break;
  }
});
