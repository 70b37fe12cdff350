/**
 * SOQL for the connector: literals quoted so no value can change a query, and the query
 * pager (`/query?q=` then `nextRecordsUrl` until `done`).
 */
import type { Connection, ConnectorContext } from '../../sync/types';
import { SF_DATA, sfRequest } from './connector-http';

/** A quoted SOQL string literal. */
export const soqlString = (v: string): string =>
  `'${v.replace(/[\\'"\n\r\t\b\f]/g, (c) => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' })[c] ?? `\\${c}`)}'`;

/** A LIKE pattern matching `v` anywhere, with `%` and `_` in `v` taken literally. */
export const soqlContains = (v: string): string => soqlString(`%${v.replace(/[%_]/g, '\\$&')}%`);

/** A SOQL date-time literal (unquoted, UTC) for epoch ms. */
export const soqlDateTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Salesforce record ids: 15 or 18 letters and digits. */
const SF_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
export const isSalesforceId = (id: string): boolean => SF_ID.test(id);

/** `Id IN ('…','…')` for ids already checked to be Salesforce ids. */
export const idList = (ids: readonly string[]): string => `(${ids.filter(isSalesforceId).map(soqlString).join(',')})`;

export interface SfRecord {
  attributes?: { type: string; url: string };
  [field: string]: unknown;
}

export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: SfRecord[];
}

/** Every page of a SOQL query as Salesforce returns it (`queryAll` includes deleted and archived rows). */
export async function* queryPages(
  ctx: ConnectorContext,
  conn: Pick<Connection, 'apiBase' | 'auth'>,
  soql: string,
  opts: { all?: boolean } = {},
): AsyncGenerator<QueryPage, void, void> {
  let path: string | undefined = `${SF_DATA}/${opts.all ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`;
  while (path) {
    const { body }: { body: QueryPage } = await sfRequest<QueryPage>(ctx, conn, path);
    yield body;
    path = body.done ? undefined : body.nextRecordsUrl;
  }
}

/** All records of a (small) query. */
export async function queryAll(
  ctx: ConnectorContext,
  conn: Pick<Connection, 'apiBase' | 'auth'>,
  soql: string,
  opts: { all?: boolean } = {},
): Promise<SfRecord[]> {
  const out: SfRecord[] = [];
  for await (const page of queryPages(ctx, conn, soql, opts)) out.push(...page.records);
  return out;
}
