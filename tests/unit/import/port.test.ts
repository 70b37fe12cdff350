import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { dbSink } from '../../../lib/import/store';
import { runImport, type ImportSink } from '../../../lib/import/run';
import { workerSink } from '../../../lib/import/worker-sink';
import { serveImportPort, type ImportPortDeps, type PortLike } from '../../../lib/services/import-port';
import { IMPORT_PORT, type PortReply } from '../../../lib/messaging/ports';
import { PortClient } from '../../../components/options/port-client';
import { fakeBackground } from './fake-port';

let db: AppDB;
let deps: ImportPortDeps;
beforeEach(async () => {
  db = new AppDB(`port-${Math.random()}`);
  await db.open();
  deps = {
    db: () => db,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    rescore: vi.fn(async () => ({ customers: 7 })),
    broadcast: vi.fn(async () => undefined),
    dropFile: vi.fn(async () => undefined),
    asOf: () => '2025-06-01',
  };
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const csv = (rows: number): string =>
  [
    'customer_id,date,amount',
    ...Array.from({ length: rows }, (_, i) => (i % 50 === 7 ? `C${i},2025-13-01,1` : `C${i % 40},2025-01-${String((i % 28) + 1).padStart(2, '0')},${i}.5`)),
  ].join('\n') + '\n';

/** The page's side as in the extension: the Worker's sink, its requests relayed by a PortClient. */
function pageSink(connect: (name: string) => never, onNotice?: (n: unknown) => void): ImportSink {
  const client = new PortClient({ name: IMPORT_PORT, interrupted: { code: 'import.interrupted' }, connect, onNotice });
  const sink = workerSink((request) => void client.relay(request).then((reply) => sink.settle(reply)));
  return sink;
}

const run = (sink: ImportSink, text: string, importId: string) =>
  runImport({ sink, file: new Blob([text]), fileName: 'f.csv', importId, sliceSize: 4_096, opts: { asOf: '2025-06-01' }, now: () => 1 });

async function stored(d: AppDB): Promise<unknown> {
  return { customers: await d.customers.orderBy('id').toArray(), transactions: await d.transactions.orderBy('id').toArray() };
}

describe('imports written by the background over the import port', () => {
  it('gives exactly what writing in place gives, then rescores and says so', async () => {
    const notices: unknown[] = [];
    const bg = fakeBackground((port) => serveImportPort(port, deps));
    const r = await run(
      pageSink(bg.connect, (n) => notices.push(n)),
      csv(3000),
      'imp',
    );
    expect(r.log).toMatchObject({ status: 'done', rowsSeen: 3000, rejected: 60, accepted: 2940 });

    const reference = new AppDB(`ref-${Math.random()}`);
    await run(dbSink(reference), csv(3000), 'imp');
    expect(await stored(db)).toEqual(await stored(reference));
    expect(await db.importLog.get('imp')).toEqual(await reference.importLog.get('imp'));
    reference.close();
    await Dexie.delete(reference.name);

    await vi.waitFor(() => expect(notices).toEqual([{ notice: 'rescored', customers: 7 }]));
    expect(deps.rescore).toHaveBeenCalledWith('2025-06-01');
    expect(deps.dropFile).toHaveBeenCalledWith('imp');
    expect((deps.broadcast as ReturnType<typeof vi.fn>).mock.calls[0]![0]).toHaveLength(40);
  });

  it.each([
    ['a request lost on its way (the worker stopped before reading it)', 'before'],
    ['a reply lost (the worker stopped after writing the chunk)', 'after'],
  ])('survives the background restarting mid-import: %s', async (_label, when) => {
    let writes = 0;
    const bg = fakeBackground((port) => {
      if (when === 'after') port.onMessage.addListener((m) => void ((m as { op?: string }).op === 'write' && ++writes === 3 && setTimeout(() => bg.kill(), 0)));
      serveImportPort(port, deps);
    });
    const connect = (name: string): never => {
      const port = bg.connect(name) as unknown as { postMessage(m: unknown): void };
      const post = port.postMessage.bind(port);
      port.postMessage = (m: unknown) => {
        post(m);
        if (when === 'before' && (m as { op?: string }).op === 'write' && ++writes === 3) bg.kill();
      };
      return port as never;
    };
    // Bigger than the 64 KiB the parser reads before its first chunk: many chunks.
    const r = await run(pageSink(connect), csv(12_000), 'imp');
    expect(writes).toBeGreaterThan(3);
    expect(bg.connections).toBe(2);
    expect(r.log).toMatchObject({ status: 'done', rowsSeen: 12_000, rejected: 240, accepted: 11_760, duplicates: 0 });
    expect(await db.transactions.count()).toBe(11_760);
  });

  it('checks every request: the sender, the request, each row against its schema; nothing bad is written', async () => {
    const replies: PortReply[] = [];
    const port = (url: string): PortLike & { disconnected: boolean; send(m: unknown): void } => {
      const listeners: ((m: unknown) => void)[] = [];
      const p = {
        name: IMPORT_PORT,
        sender: { id: 'ext', url },
        disconnected: false,
        postMessage: (m: unknown) => void replies.push(m as PortReply),
        disconnect: () => void (p.disconnected = true),
        onMessage: { addListener: (l: (m: unknown) => void) => void listeners.push(l) },
        onDisconnect: { addListener: () => undefined },
        send: (m: unknown) => listeners.forEach((l) => l(m)),
      };
      return p;
    };
    const tab = port('https://evil.example/');
    serveImportPort(tab, deps);
    expect(tab.disconnected).toBe(true);

    const page = port('chrome-extension://ext/options.html');
    serveImportPort(page, deps);
    const checkpoint = { importId: 'x', fileName: 'x.csv', fileSize: 10, lastModified: 0, kind: 'transactions', slicesDone: 0, sliceSize: 10, tailDone: false };
    page.send({ id: 1, op: 'begin', checkpoint, startedAt: 1 });
    page.send({
      id: 2,
      op: 'write',
      seq: 0,
      checkpoint: { ...checkpoint, slicesDone: 1 },
      chunk: JSON.stringify({ records: [{ id: 't', customerId: 'C', date: '2025-01-01', amount: 'lots' }], rejected: [], duplicates: 0, rowsSeen: 1 }),
    });
    page.send({ id: 3, op: 'write', seq: 0, checkpoint: { ...checkpoint, slicesDone: 1 }, chunk: '{' });
    page.send({ id: 4, op: 'drop', table: 'customers' });
    await vi.waitFor(() => expect(replies).toHaveLength(4));
    expect(replies).toEqual([
      { id: 1, ok: true, result: { started: true } },
      { id: 2, ok: false, error: { code: 'value.type', field: 'records.0.amount' } },
      { id: 3, ok: false, error: { code: 'message.malformed' } },
      { id: 4, ok: false, error: { code: 'value.not-allowed', field: 'op' } },
    ]);
    expect(await db.transactions.count()).toBe(0);
    expect(await db.importLog.get('x')).toMatchObject({ status: 'running', rowsSeen: 0 });
  });

  it('cancelling rolls back what the background wrote, drops the stored file and rescores (no score describes rolled-back rows)', async () => {
    await run(dbSink(db), 'customer_id,name\nC1,Acme\n', 'first');
    const before = await stored(db);
    const bg = fakeBackground((port) => serveImportPort(port, deps));
    const ctrl = new AbortController();
    let calls = 0;
    await expect(
      runImport({
        sink: pageSink(bg.connect),
        file: new Blob([csv(3000)]),
        fileName: 'f.csv',
        importId: 'gone',
        sliceSize: 4_096,
        signal: ctrl.signal,
        onProgress: () => void (++calls === 4 && ctrl.abort()),
      }),
    ).rejects.toThrow('Import cancelled.');
    expect(await stored(db)).toEqual(before);
    expect(await db.importLog.get('gone')).toMatchObject({ status: 'cancelled' });
    expect(deps.dropFile).toHaveBeenCalledWith('gone');
    await vi.waitFor(() => expect(deps.rescore).toHaveBeenCalledWith('2025-06-01'));
  });
});
