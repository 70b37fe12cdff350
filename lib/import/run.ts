/**
 * Runs one file import: reads the file in fixed-size slices, parses each with the streaming
 * ImportParser and hands it to an ImportSink that writes it in its own transaction with a
 * checkpoint. In the extension the parsing runs in the options page's Worker and the sink is
 * the background (over a port, lib/import/port-sink.ts), which is the only writer; tests and
 * the CLI write straight to a database (`dbSink`, lib/import/store.ts).
 *
 * Resume after a crash: slices are fixed-size, so re-parsing slices [0, slicesDone) without
 * writing rebuilds the parser state (header, in-file duplicate keys, dd/MM order) exactly, and
 * writing continues at `slicesDone` with the counters already in the importLog.
 */
import type { ImportLog } from '../schemas/domain';
import { CodedError } from '../messaging/errors';
import type { ChunkResult, ImportCheckpoint } from '../db/repos/import-log';
import { ImportParser, merge, type ImportOptions, type ParsedChunk } from './parser';
import type { RowError } from './rows';
import type { DateOrder } from './values';
import type { ImportKind } from './columns';
import { isXlsxName, readXlsxRows } from './xlsx';

export const DEFAULT_SLICE = 1 << 20;
/** Rows per write batch for XLSX files. */
const XLSX_BATCH = 20_000;

export interface ImportProgress {
  importId: string;
  bytesRead: number;
  totalBytes: number;
  rowsSeen: number;
  accepted: number;
  rejected: number;
  duplicates: number;
}

/** Where parsed chunks go. Every call is idempotent (a chunk sent twice is counted once). */
export interface ImportSink {
  /** The header is read: create the running importLog row and the first checkpoint. */
  begin(cp: ImportCheckpoint, startedAt: number): Promise<void>;
  write(chunk: ParsedChunk, seq: number, cp: ImportCheckpoint): Promise<ChunkResult>;
  finish(importId: string, finishedAt: number): Promise<ImportLog>;
  /** Undo what the import wrote (cancel). */
  rollback(importId: string, finishedAt: number): Promise<ImportLog>;
}

export interface RunImportArgs {
  sink: ImportSink;
  file: Blob;
  fileName: string;
  importId: string;
  lastModified?: number;
  opts?: Omit<ImportOptions, 'dateOrder'> & { dateOrder?: DateOrder };
  /** Continue an unfinished import from its checkpoint (and the counters of its log) instead of starting one. */
  resume?: ImportCheckpoint;
  resumeLog?: ImportLog;
  sliceSize?: number;
  now?: () => number;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  onRejected?: (rows: RowError[]) => void;
  /** All a/b/yyyy dates were ambiguous: ask the user (the CLI passes a flag instead). */
  askDateOrder?: () => Promise<DateOrder>;
}

export interface RunImportResult {
  log: ImportLog;
  kind: ImportKind;
  changedCustomerIds: string[];
  unknownColumns: string[];
  placeholdersCreated: number;
}

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export async function runImport(a: RunImportArgs): Promise<RunImportResult> {
  const { sink, file, importId } = a;
  const now = a.now ?? Date.now;
  const sliceSize = a.resume?.sliceSize ?? a.sliceSize ?? DEFAULT_SLICE;
  const parser = new ImportParser(a.fileName, {
    ...a.opts,
    kind: a.resume?.kind ?? a.opts?.kind,
    mapping: a.resume?.mapping ?? a.opts?.mapping,
    dateOrder: a.resume?.dateOrder ?? a.opts?.dateOrder,
  });
  // XLSX is zipped, so it is read whole; its rows are then written in fixed batches like CSV slices.
  const xlsxRows = isXlsxName(a.fileName) ? await readXlsxRows(file) : undefined;
  const slices = xlsxRows ? Math.ceil(xlsxRows.length / XLSX_BATCH) : Math.ceil(file.size / sliceSize);
  let cp: ImportCheckpoint | undefined = a.resume;
  const changed = new Set<string>();
  let placeholders = 0;
  const progress: ImportProgress = { importId, bytesRead: 0, totalBytes: file.size, rowsSeen: 0, accepted: 0, rejected: 0, duplicates: 0 };
  if (a.resume) {
    const log = a.resumeLog;
    if (!log || log.status !== 'running') throw new CodedError('import.not-resumable', { file: a.fileName });
    Object.assign(progress, { rowsSeen: log.rowsSeen, accepted: log.accepted, rejected: log.rejected, duplicates: log.duplicates });
  }
  const read = async (i: number): Promise<Uint8Array> =>
    new Uint8Array(await file.slice(i * sliceSize, Math.min(file.size, (i + 1) * sliceSize)).arrayBuffer());

  const write = async (chunk: ParsedChunk, seq: number, next: ImportCheckpoint): Promise<void> => {
    if (a.signal?.aborted) throw new ImportCancelled('Import cancelled.');
    const r = await sink.write(chunk, seq, next);
    cp = next;
    r.changedCustomerIds.forEach((id) => changed.add(id));
    placeholders += r.placeholdersCreated;
    progress.rowsSeen += r.rowsSeen;
    progress.accepted += r.accepted;
    progress.rejected += r.rejected;
    progress.duplicates += r.duplicates;
    if (chunk.rejected.length) a.onRejected?.(chunk.rejected);
  };

  /** The first checkpoint, once the header is known: written with the running importLog. */
  const begin = async (header: NonNullable<typeof parser.fileHeader>, slicesDone: number): Promise<ImportCheckpoint> => {
    const first: ImportCheckpoint = {
      importId,
      fileName: a.fileName,
      fileSize: file.size,
      lastModified: a.lastModified ?? 0,
      kind: header.mapping.kind,
      mapping: a.opts?.mapping,
      dateOrder: a.opts?.dateOrder,
      slicesDone,
      sliceSize,
      tailDone: false,
    };
    await sink.begin(first, now());
    return first;
  };

  let inFlight: Promise<void> = Promise.resolve();
  try {
    for (let i = 0; i < Math.max(slices, 1); i++) {
      const chunk = xlsxRows ? parser.pushRows(xlsxRows.slice(i * XLSX_BATCH, (i + 1) * XLSX_BATCH)) : parser.push(slices ? await read(i) : new Uint8Array());
      progress.bytesRead = xlsxRows ? Math.round((file.size * (i + 1)) / Math.max(slices, 1)) : Math.min(file.size, (i + 1) * sliceSize);
      if (!cp) {
        // The header is known once the first slice (or the whole small file) is read.
        const header = parser.fileHeader;
        if (header) cp = await begin(header, 0);
      }
      if (a.resume && i < a.resume.slicesDone) {
        // Already written before the interruption: report its rejected rows again, write nothing.
        if (chunk.rejected.length) a.onRejected?.(chunk.rejected);
        a.onProgress?.({ ...progress });
        continue;
      }
      if (!cp) {
        if (chunk.records.length || chunk.rejected.length) throw new CodedError('internal');
        a.onProgress?.({ ...progress });
        continue;
      }
      // Pipelined: slice i+1 is read and parsed while slice i is being written; writes stay in order.
      const next: ImportCheckpoint = { ...cp, slicesDone: i + 1, dateOrder: parser.resolvedDateOrder };
      const bytesRead = progress.bytesRead;
      await inFlight;
      inFlight = write(chunk, i, next).then(() => a.onProgress?.({ ...progress, bytesRead }));
    }
    await inFlight;
    // End of file: the last row, and any rows held for the dd/MM question.
    const tail = xlsxRows ? parser.endRows() : parser.end();
    if (!cp) cp = await begin(parser.fileHeader!, slices);
    if (parser.needsDateOrder) {
      if (!a.askDateOrder) throw new CodedError('import.date-order-needed', { file: a.fileName });
      const order = await a.askDateOrder();
      merge(tail, parser.resolveDateOrder(order));
    }
    if (!a.resume?.tailDone) await write(tail, slices, { ...cp, slicesDone: slices, tailDone: true, dateOrder: parser.resolvedDateOrder });
    a.onProgress?.({ ...progress, bytesRead: file.size });
    const log = await sink.finish(importId, now());
    return { log, kind: cp.kind, changedCustomerIds: [...changed], unknownColumns: parser.fileHeader!.mapping.unknown, placeholdersCreated: placeholders };
  } catch (e) {
    // A write still in flight must settle before anything else touches the import.
    await inFlight.catch(() => undefined);
    if (e instanceof ImportCancelled && cp) await sink.rollback(importId, now());
    throw e;
  }
}
