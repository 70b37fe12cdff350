/**
 * The import Worker: parsing, validation and Dexie writes off the page's main thread
 * (started by the options page with `new Worker(new URL(...), { type: 'module' })`).
 */
import { getDb } from '../db/db';
import { ImportFileError } from './parser';
import { ImportCancelled, runImport, type RunImportArgs } from './run';
import { rollbackImport, unfinishedImports } from './store';
import { inspectRows } from './inspect';
import { readXlsxRows } from './xlsx';
import { createBackup, parseBackup, planRestore, restoreBackup, type Backup } from '../backup/backup';
import type { DateOrder } from './values';
import { importLockName, type FromWorker, type ToWorker } from './worker-protocol';

const post = (m: FromWorker): void => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);

let controller: AbortController | undefined;
let pendingBackup: Backup | undefined;
let dateOrderWaiter: ((o: DateOrder) => void) | undefined;

async function run(args: Omit<RunImportArgs, 'db' | 'onProgress' | 'onRejected' | 'askDateOrder' | 'signal'>): Promise<void> {
  controller = new AbortController();
  const signal = controller.signal;
  await navigator.locks.request(importLockName(args.importId), async () => {
    try {
      const r = await runImport({
        ...args,
        db: getDb(),
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
      post({
        type: 'done',
        log: r.log,
        kind: r.kind,
        changedCustomerIds: r.changedCustomerIds,
        unknownColumns: r.unknownColumns,
        placeholdersCreated: r.placeholdersCreated,
      });
    } catch (e) {
      if (e instanceof ImportCancelled) post({ type: 'cancelled' });
      else post({ type: 'error', message: e instanceof Error ? e.message : String(e), refused: e instanceof ImportFileError });
    }
  });
}

self.addEventListener('message', (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  switch (m.type) {
    case 'start':
      void run({
        file: m.file,
        fileName: m.file.name,
        lastModified: m.file.lastModified,
        importId: m.importId,
        opts: { kind: m.kind, mapping: m.mapping, asOf: m.asOf },
        sliceSize: m.sliceSize,
        storeFile: true,
      });
      break;
    case 'resume':
      void (async () => {
        const open = (await unfinishedImports(getDb())).find((u) => u.log.id === m.importId);
        if (!open?.checkpoint || !open.file) {
          post({ type: 'error', message: 'This import can no longer be resumed.', refused: false });
          return;
        }
        await run({ file: open.file, fileName: open.log.fileName, importId: m.importId, resume: open.checkpoint, opts: { asOf: m.asOf } });
      })();
      break;
    case 'inspect':
      void readXlsxRows(m.file).then(
        (rows) => post({ type: 'inspection', inspection: inspectRows(rows.slice(0, 6), 'xlsx', ',') }),
        (e: unknown) => post({ type: 'error', message: `${m.file.name}: ${e instanceof Error ? e.message : String(e)}`, refused: true }),
      );
      break;
    case 'rollback':
      void navigator.locks.request(importLockName(m.importId), () =>
        rollbackImport(getDb(), m.importId, Date.now()).then(
          (log) => post({ type: 'rolledBack', log }),
          (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e), refused: false }),
        ),
      );
      break;
    case 'backup':
      void createBackup(getDb(), m.settings, m.exportedAt).then(
        (b) => post({ type: 'backup', blob: new Blob([JSON.stringify(b)], { type: 'application/json' }) }),
        (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e), refused: false }),
      );
      break;
    case 'planRestore':
      void m.file
        .text()
        .then(async (json) => {
          pendingBackup = parseBackup(json);
          const plan = await planRestore(getDb(), pendingBackup);
          post({ type: 'restorePlan', exportedAt: pendingBackup.exportedAt, changes: plan.changes });
        })
        .catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e), refused: true }));
      break;
    case 'restore': {
      const b = pendingBackup;
      if (!b) {
        post({ type: 'error', message: 'No backup to restore.', refused: false });
        break;
      }
      void restoreBackup(getDb(), b).then(
        (settings) => post({ type: 'restored', settings }),
        (e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e), refused: false }),
      );
      break;
    }
    case 'dateOrder':
      dateOrderWaiter?.(m.order);
      dateOrderWaiter = undefined;
      break;
    case 'cancel':
      controller?.abort();
      break;
  }
});
