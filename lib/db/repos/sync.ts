/** CRM sync state: connections (with tokens; the background alone reads those), cursors, the write-back outbox. */
import { defineRepo } from '../repo';
import type { CrmId } from '../../schemas/values';
import type { ConnectionRow, CursorRow, OutboxRow } from '../../sync/state';

export const syncRepo = defineRepo(
  (db) => ({
    connection: (crm: CrmId): Promise<ConnectionRow | undefined> => db.syncConnections.get(crm),
    connections: (): Promise<ConnectionRow[]> => db.syncConnections.toArray(),
    cursor: (crm: CrmId): Promise<CursorRow | undefined> => db.syncCursors.get(crm),
    outboxRow: (interactionId: string): Promise<OutboxRow | undefined> => db.syncOutbox.get(interactionId),
    /** The outbox row that wrote (or found) this CRM activity. */
    outboxByCrmId: (crm: CrmId, crmId: string): Promise<OutboxRow | undefined> => db.syncOutbox.where('[crm+crmId]').equals([crm, crmId]).first(),
    /** The outbox rows that wrote any of these CRM activities (one query for a whole batch). */
    outboxByCrmIds: (crm: CrmId, crmIds: readonly string[]): Promise<OutboxRow[]> =>
      crmIds.length
        ? db.syncOutbox
            .where('[crm+crmId]')
            .anyOf(crmIds.map((id) => [crm, id]))
            .toArray()
        : Promise.resolve([]),
    /** Logs waiting to be written to this CRM. */
    waiting: (crm: CrmId): Promise<number> =>
      db.syncOutbox
        .where('crm')
        .equals(crm)
        .filter((r) => r.state === 'queued')
        .count(),
    /** Queued rows due at `now`, oldest first by due time. */
    due: (now: number): Promise<OutboxRow[]> =>
      db.syncOutbox
        .where('nextAt')
        .belowOrEqual(now)
        .filter((r) => r.state === 'queued')
        .toArray(),
    /** The earliest due time of a queued row, if any. */
    async nextDue(): Promise<number | undefined> {
      const row = await db.syncOutbox
        .orderBy('nextAt')
        .filter((r) => r.state === 'queued')
        .first();
      return row?.nextAt;
    },
  }),
  (db) => ({
    async putConnection(row: ConnectionRow): Promise<void> {
      await db.syncConnections.put(row);
    },
    async updateConnection(crm: CrmId, changes: Partial<Omit<ConnectionRow, 'crm'>>): Promise<void> {
      await db.syncConnections.update(crm, changes);
    },
    /** Disconnect: the tokens, the cursor and the queued logs of that CRM go (written ones keep their CRM id). */
    async removeConnection(crm: CrmId): Promise<void> {
      await db.transaction('rw', [db.syncConnections, db.syncCursors, db.syncOutbox], async () => {
        await db.syncConnections.delete(crm);
        await db.syncCursors.delete(crm);
        await db.syncOutbox
          .where('crm')
          .equals(crm)
          .filter((r) => r.state !== 'written')
          .delete();
      });
    },
    async putCursor(row: CursorRow): Promise<void> {
      await db.syncCursors.put(row);
    },
    async putOutbox(row: OutboxRow): Promise<void> {
      await db.syncOutbox.put(row);
    },
    async updateOutbox(interactionId: string, changes: Partial<Omit<OutboxRow, 'interactionId'>>): Promise<void> {
      await db.syncOutbox.update(interactionId, changes);
    },
    async deleteOutbox(interactionId: string): Promise<void> {
      await db.syncOutbox.delete(interactionId);
    },
  }),
);
