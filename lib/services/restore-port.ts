/**
 * The background's side of a restore (the `rapport:restore` port): the options page sends the
 * backup's text in parts; the background validates every row and the settings (lib/backup),
 * answers what would change, and on confirmation replaces the data in one transaction and saves
 * the settings through the settings store. Open pages and CRM tabs refresh.
 */
import type { AppDB } from '../db/app-db';
import { RestoreRequestSchema } from '../schemas/messages';
import type { Settings } from '../schemas/settings';
import { CodedError, toAppError } from '../messaging/errors';
import { issueToError } from '../messaging/zod-errors';
import type { PortReply, RestoreResults } from '../messaging/ports';
import { parseBackup, planRestore, type Backup } from '../backup/backup';
import { restoreBackup } from '../backup/restore';
import type { PortLike } from './import-port';

export interface RestorePortDeps {
  db: () => AppDB;
  extensionId: string;
  extensionOrigin: string;
  saveSettings: (s: Settings) => Promise<Settings>;
  broadcast: () => Promise<void>;
}

export function serveRestorePort(port: PortLike, deps: RestorePortDeps): void {
  const s = port.sender;
  if (s?.id !== deps.extensionId || !(s.url ?? '').startsWith(deps.extensionOrigin)) {
    port.disconnect();
    return;
  }
  const parts: string[] = [];
  let backup: Backup | undefined;
  let connected = true;
  port.onDisconnect.addListener(() => {
    connected = false;
  });
  const post = (m: PortReply): void => {
    if (connected) port.postMessage(m);
  };

  const handle = async (message: unknown): Promise<void> => {
    const id = typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : -1;
    try {
      const req = RestoreRequestSchema.safeParse(message);
      if (!req.success) throw CodedError.of(issueToError(req.error.issues[0]!, message));
      const r = req.data;
      let result: RestoreResults[typeof r.op];
      switch (r.op) {
        case 'part':
          parts[r.index] = r.text;
          backup = undefined;
          result = { received: r.index };
          break;
        case 'plan': {
          for (let i = 0; i < r.parts; i++) if (typeof parts[i] !== 'string') throw new CodedError('restore.interrupted');
          if (parts.length !== r.parts) throw new CodedError('restore.interrupted');
          backup = parseBackup(parts.join(''), deps.db().verno);
          parts.length = 0;
          const plan = await planRestore(deps.db(), backup);
          result = { exportedAt: backup.exportedAt, changes: plan.changes };
          break;
        }
        case 'restore': {
          // No plan on this connection: the background restarted since (or the page skipped the plan).
          if (!backup) throw new CodedError('restore.interrupted');
          const settings = await restoreBackup(deps.db(), backup);
          backup = undefined;
          await deps.saveSettings(settings);
          await deps.broadcast().catch(() => undefined);
          result = { restored: true };
          break;
        }
      }
      post({ id, ok: true, result });
    } catch (e) {
      const error = toAppError(e);
      if (error.code === 'internal') console.error('[Rapport] restore request failed:', e);
      post({ id, ok: false, error });
    }
  };

  let queue: Promise<void> = Promise.resolve();
  port.onMessage.addListener((message) => {
    queue = queue.then(() => handle(message));
  });
}
