import type { Migration } from './index';

/**
 * v6: a transaction imported with an order id was keyed `o:<order_id>` for the whole book, so a
 * second customer's order with the same number was taken for a duplicate and lost. The key is now
 * per customer, `o:<customer id, URI-encoded>:<order_id>` (lib/import/rows.ts `orderKey`); every
 * stored `o:` key is rewritten into it, and so are the ids an unfinished import's rollback journal
 * lists, so that rollback still finds the rows it wrote.
 *
 * No row is lost or doubled: old keys are unique, so their order ids (the text after `o:`) are
 * unique and so is every new key; all old rows are deleted before the new ones are added, so a
 * new key can never meet an old one. The key form is written
 * out here, not imported: a shipped migration must not change when lib/import/rows.ts does.
 */
export const orderKeyV6 = (customerId: string, orderId: string): string => `o:${encodeURIComponent(customerId)}:${orderId}`;

type TxRow = { id: string; customerId: string };
type JournalRow = { key: string; value?: { table?: string; added?: string[] } };

export const v6: Migration = {
  version: 6,
  stores: {},
  async upgrade(tx) {
    const transactions = tx.table('transactions');
    const old = (await transactions.where('id').startsWith('o:').toArray()) as TxRow[];
    const renamed = new Map<string, string>();
    for (const row of old) renamed.set(row.id, orderKeyV6(row.customerId, row.id.slice(2)));
    await transactions.bulkDelete(old.map((r) => r.id));
    await transactions.bulkAdd(old.map((r) => ({ ...r, id: renamed.get(r.id)! })));

    await tx
      .table('meta')
      .where('key')
      .startsWith('importJournal:')
      .modify((row: JournalRow) => {
        if (row.value?.table !== 'transactions' || !Array.isArray(row.value.added)) return;
        row.value.added = row.value.added.map((id) => renamed.get(id) ?? id);
      });
  },
};
