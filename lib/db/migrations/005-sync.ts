import type { Migration } from './index';

/**
 * v5: CRM sync. `syncConnections` holds one verified connection per CRM (its tokens live only
 * here, in the extension-origin database); `syncCursors` where each CRM's sync resumes;
 * `syncOutbox` the quick-logs to write back, one row per interaction, with the CRM-id index
 * `[crm+crmId]` that recognises a written activity when a later sync reads it back.
 */
export const v5: Migration = {
  version: 5,
  stores: {
    syncConnections: '&crm',
    syncCursors: '&crm',
    syncOutbox: '&interactionId, crm, state, nextAt, [crm+crmId]',
  },
};
