/**
 * Backup, restore and rollback requests to the import Worker (lib/import/worker.ts), so long
 * database reads/writes and JSON work never run on the options page's main thread.
 */
import type { FromWorker, ToWorker } from '../../lib/import/worker-protocol';

type Reply<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

export class DataWorker {
  private worker?: Worker;

  private get w(): Worker {
    this.worker ??= new Worker(new URL('../../lib/import/worker.ts', import.meta.url), { type: 'module' });
    return this.worker;
  }

  /** One request, one reply (or the worker's error). */
  request<T extends FromWorker['type']>(msg: ToWorker, replyType: T): Promise<Reply<T>> {
    const w = this.w;
    return new Promise((resolve, reject) => {
      const onMessage = (ev: MessageEvent<FromWorker>): void => {
        if (ev.data.type !== replyType && ev.data.type !== 'error') return;
        w.removeEventListener('message', onMessage);
        if (ev.data.type === 'error') reject(new Error(ev.data.message));
        else resolve(ev.data as Reply<T>);
      };
      w.addEventListener('message', onMessage);
      w.postMessage(msg);
    });
  }

  close(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
