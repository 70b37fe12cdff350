/**
 * The Dataverse Web API's table metadata and OData query handling as the Dynamics mock serves
 * them: `$select` (unknown columns refused like Dataverse does), a `$filter` subset
 * (`<col> eq|ne|gt|ge|lt|le <value>` joined by `and`), `$orderby`, and the error envelope.
 */
import type { MockResponse } from './harness';

export type Row = Record<string, unknown>;

export interface Entity {
  set: string;
  /** Logical name (`account`, `phonecall`…). */
  name: string;
  id: string;
  columns: readonly string[];
}

const ACTIVITY = ['activityid', 'subject', 'description', 'actualstart', 'actualend', 'scheduledend', 'createdon', 'modifiedon', 'statecode', 'statuscode'];
const e = (set: string, name: string, id: string, columns: string[]): Entity => ({ set, name, id, columns: [id, ...columns] });

export const ENTITIES: Record<string, Entity> = Object.fromEntries(
  [
    e('accounts', 'account', 'accountid', [
      'name',
      'createdon',
      'modifiedon',
      'websiteurl',
      'emailaddress1',
      '_ownerid_value',
      'merged',
      '_masterid_value',
      'statecode',
    ]),
    e('contacts', 'contact', 'contactid', ['fullname', 'jobtitle', 'emailaddress1', 'accountrolecode', '_parentcustomerid_value', 'createdon', 'modifiedon']),
    e('opportunities', 'opportunity', 'opportunityid', [
      'name',
      'statecode',
      'statuscode',
      'actualvalue',
      'estimatedvalue',
      'actualclosedate',
      'estimatedclosedate',
      '_parentaccountid_value',
      '_customerid_value',
      '_transactioncurrencyid_value',
      'createdon',
      'modifiedon',
    ]),
    e('phonecalls', 'phonecall', 'activityid', [...ACTIVITY.slice(1), '_regardingobjectid_value', 'directioncode']),
    e('appointments', 'appointment', 'activityid', [...ACTIVITY.slice(1), '_regardingobjectid_value']),
    e('tasks', 'task', 'activityid', [...ACTIVITY.slice(1), '_regardingobjectid_value']),
    e('incidents', 'incident', 'incidentid', [
      'title',
      'description',
      'ticketnumber',
      'createdon',
      'modifiedon',
      'casetypecode',
      'statecode',
      '_customerid_value',
    ]),
    e('transactioncurrencies', 'transactioncurrency', 'transactioncurrencyid', ['isocurrencycode', 'currencyname', 'modifiedon']),
    e('systemusers', 'systemuser', 'systemuserid', ['fullname', 'internalemailaddress', 'modifiedon']),
    e('leads', 'lead', 'leadid', ['fullname', 'modifiedon']),
  ].map((x) => [x.set, x]),
);
export const ACTIVITY_SETS = ['phonecalls', 'appointments', 'tasks'];

/** Dataverse's error envelope. */
export const odataError = (status: number, code: string, message: string, headers?: Record<string, string>): MockResponse => ({
  status,
  ...(headers ? { headers } : {}),
  body: { error: { code, message } },
});

export function selectOf(entity: Entity, url: URL): readonly string[] | MockResponse {
  const raw = url.searchParams.get('$select');
  if (!raw) return entity.columns;
  const cols = raw.split(',').map((c) => c.trim());
  const bad = cols.find((c) => !entity.columns.includes(c));
  if (bad) return odataError(400, '0x80060888', `Could not find a property named '${bad}' on type 'Microsoft.Dynamics.CRM.${entity.name}'.`);
  return cols.includes(entity.id) ? cols : [entity.id, ...cols];
}

type Test = (r: Row) => boolean;
const OPS: Record<string, (a: unknown, b: unknown) => boolean> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a != null && b != null && (a as string) > (b as string),
  ge: (a, b) => a != null && b != null && (a as string) >= (b as string),
  lt: (a, b) => a != null && b != null && (a as string) < (b as string),
  le: (a, b) => a != null && b != null && (a as string) <= (b as string),
};

function literal(s: string): unknown {
  if (s === 'null') return null;
  if (s === 'true' || s === 'false') return s === 'true';
  if (/^'.*'$/.test(s)) return s.slice(1, -1).replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return s; // dates, datetimes and GUIDs are unquoted in OData v4
}

export function filterOf(entity: Entity, url: URL): Test | MockResponse {
  const raw = url.searchParams.get('$filter');
  if (!raw) return () => true;
  const tests: Test[] = [];
  for (const part of raw.split(/\s+and\s+/i)) {
    const m = /^\s*(\w+)\s+(eq|ne|gt|ge|lt|le)\s+(.+?)\s*$/.exec(part);
    if (!m) return odataError(400, '0x80060888', `Syntax error in $filter at '${part}'.`);
    const [, col, op, value] = m as unknown as [string, string, string, string];
    if (!entity.columns.includes(col))
      return odataError(400, '0x80060888', `Could not find a property named '${col}' on type 'Microsoft.Dynamics.CRM.${entity.name}'.`);
    const v = literal(value);
    tests.push((r) => OPS[op]!(r[col] ?? null, v));
  }
  return (r) => tests.every((t) => t(r));
}

export function orderOf(entity: Entity, url: URL): ((a: Row, b: Row) => number) | MockResponse {
  const raw = url.searchParams.get('$orderby');
  if (!raw) return (a, b) => String(a[entity.id]).localeCompare(String(b[entity.id]));
  const keys = raw.split(',').map((k) => k.trim().split(/\s+/) as [string, string?]);
  const bad = keys.find(([c]) => !entity.columns.includes(c));
  if (bad) return odataError(400, '0x80060888', `Could not find a property named '${bad[0]}' on type 'Microsoft.Dynamics.CRM.${entity.name}'.`);
  return (a, b) => {
    for (const [c, dir] of keys) {
      const x = String(a[c] ?? ''),
        y = String(b[c] ?? '');
      if (x !== y) return (x < y ? -1 : 1) * (dir === 'desc' ? -1 : 1);
    }
    return 0;
  };
}

/** The `Prefer` header's parts: page size, change tracking, annotations asked. */
export function preferOf(headers: Record<string, string>): { pageSize: number; track: boolean; annotations: boolean } {
  const p = headers['prefer'] ?? '';
  const size = /odata\.maxpagesize=(\d+)/.exec(p);
  return { pageSize: Math.min(size ? Number(size[1]) : 5000, 5000), track: /odata\.track-changes/.test(p), annotations: /odata\.include-annotations/.test(p) };
}

/** A row as the API shows it: selected columns, an ETag, and annotations when asked. */
export function present(row: Row, cols: readonly string[], annotations: boolean): Row {
  const out: Row = { '@odata.etag': `W/"${row._v as number}"` };
  const tables = (row._tables ?? {}) as Record<string, string>;
  for (const c of cols) {
    out[c] = row[c] ?? null;
    if (annotations && c.startsWith('_') && row[c]) {
      out[`${c}@Microsoft.Dynamics.CRM.lookuplogicalname`] = tables[c];
      if (c === '_ownerid_value' && row._ownername) out[`${c}@OData.Community.Display.V1.FormattedValue`] = row._ownername;
    }
  }
  return out;
}
