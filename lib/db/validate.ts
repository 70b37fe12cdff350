/**
 * Exact writes: a Dexie middleware that checks every row added or put into a validated table
 * (lib/schemas/rows.ts) before it reaches IndexedDB, whoever the caller — import, restore, quick-log,
 * track from a CRM page, sync. A bad row fails the whole request (and its transaction) with a
 * coded error naming the table, the row's key and the field; nothing is half-written.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { CodedError } from '../messaging/errors';
import { issueToError } from '../messaging/zod-errors';
import { VALIDATED_WRITES } from '../schemas/rows';

type Validated = keyof typeof VALIDATED_WRITES;
const isValidated = (t: string): t is Validated => Object.hasOwn(VALIDATED_WRITES, t);

/** Throws a CodedError `db.invalid-row` for the first row of `values` that breaks the table's schema. */
export function checkRows(table: string, values: readonly unknown[]): void {
  if (!isValidated(table)) return;
  const schema = VALIDATED_WRITES[table];
  for (const row of values) {
    const r = schema.safeParse(row);
    if (r.success) continue;
    const issue = r.error.issues[0]!;
    const key = (row as { id?: unknown; customerId?: unknown } | null)?.id ?? (row as { customerId?: unknown } | null)?.customerId;
    const error = issueToError(issue, row);
    const field = error.field ?? issue.path.map(String).join('.');
    throw new CodedError('db.invalid-row', { table, key: String(key ?? '?').slice(0, 80), field: field || '?' }, field || undefined);
  }
}

const checked = (table: string, req: DBCoreMutateRequest): void => {
  if ((req.type === 'add' || req.type === 'put') && req.values) checkRows(table, req.values);
};

export const validateWrites: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'rapport-validate-writes',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (!isValidated(name)) return table;
      return { ...table, mutate: (req) => (checked(name, req), table.mutate(req)) };
    },
  }),
};
