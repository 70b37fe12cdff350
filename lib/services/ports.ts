/** The background's long-lived connections: imports and restores (lib/messaging/ports.ts). */
import { getDb } from '../db/db';
import { IMPORT_PORT, RESTORE_PORT } from '../messaging/ports';
import { dropImportFile } from '../import/worker-files';
import { today } from '../clock';
import { saveSettings } from '../settings/store';
import { broadcastDataChanged } from './broadcast';
import { serveImportPort, type PortLike } from './import-port';
import { serveRestorePort } from './restore-port';
import { rescoreQueue } from './rescore-all';

export function servePort(port: PortLike, ext: { extensionId: string; extensionOrigin: string }): void {
  if (port.name === IMPORT_PORT)
    serveImportPort(port, { ...ext, db: getDb, rescore: rescoreQueue, broadcast: broadcastDataChanged, dropFile: dropImportFile, asOf: () => today() });
  else if (port.name === RESTORE_PORT)
    serveRestorePort(port, { ...ext, db: getDb, saveSettings: (s) => saveSettings(s), broadcast: () => broadcastDataChanged() });
  else port.disconnect();
}
