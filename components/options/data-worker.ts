/**
 * The backup is built in the import Worker (lib/import/worker.ts) from the read-only database
 * handle, so reading and serialising a whole database never runs on the options page's main
 * thread.
 */
import type { FromWorker, ToWorker } from '../../lib/import/worker-protocol';
import { CodedError } from '../../lib/messaging/errors';
import type { Settings } from '../../lib/schemas/settings';

export function backupInWorker(settings: Settings, exportedAt: number): Promise<Blob> {
  const w = new Worker(new URL('../../lib/import/worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Blob>((resolve, reject) => {
    w.addEventListener('message', (ev: MessageEvent<FromWorker>) => {
      if (ev.data.type === 'backup') resolve(ev.data.blob);
      else if (ev.data.type === 'error') reject(CodedError.of(ev.data.error));
      else return;
      w.terminate();
    });
    w.postMessage({ type: 'backup', settings, exportedAt } satisfies ToWorker);
  });
}
