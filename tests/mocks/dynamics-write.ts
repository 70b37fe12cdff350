/**
 * `PATCH <set>(<id>)` on the Dynamics mock: Dataverse's upsert. `If-None-Match: *` refuses an
 * existing record (412), `If-Match: *` a missing one (404); `@odata.bind` names must be
 * `regardingobjectid_<table>_<entity>` pointing at an existing record; `statecode`/`statuscode`
 * must be a valid pair of the table. Answers 204 with `OData-EntityId`.
 */
import type { MockRequest, MockResponse } from './harness';
import { ACTIVITY_SETS, ENTITIES, odataError, type Row } from './dynamics-odata';
import type { DynamicsMock } from './dynamics';

/** Valid status reasons per state (state → statuses; the first is the default). */
const STATUS: Record<string, Record<number, number[]>> = {
  phonecall: { 0: [1], 1: [2, 4], 2: [3] },
  task: { 0: [2, 3, 4, 7], 1: [5], 2: [6] },
  appointment: { 0: [1, 2], 1: [3], 2: [4], 3: [5] },
};
const WRITABLE = new Set(['phonecalls', 'tasks', 'appointments', 'accounts']);
const BIND_TABLES: Record<string, string> = { account: 'accounts', contact: 'contacts', opportunity: 'opportunities', lead: 'leads' };

export function patchRecord(mock: DynamicsMock, req: MockRequest, set: string, id: string): MockResponse {
  const e = ENTITIES[set];
  if (!e || !WRITABLE.has(set)) return odataError(405, '0x80060888', `Writes to '${set}' are not served by this mock.`);
  let body: Row;
  try {
    body = JSON.parse(req.body) as Row;
  } catch {
    return odataError(400, '0x80060891', 'The request body is not valid JSON.');
  }
  const isActivity = ACTIVITY_SETS.includes(set);
  const exists = isActivity ? ACTIVITY_SETS.some((s) => mock.row(s, id)) : !!mock.row(set, id);
  if (req.headers['if-none-match'] === '*' && exists) return odataError(412, '0x80060882', 'A record with matching key values already exists.');
  if (req.headers['if-match'] === '*' && !exists) return odataError(404, '', `${e.name} With Id = ${id} Does Not Exist`);
  if (exists && !mock.row(set, id)) return odataError(400, '0x80040237', 'Cannot insert duplicate key.');

  const row: Row = { [e.id]: id };
  const tables: Record<string, string> = { ...((mock.row(set, id)?._tables as Record<string, string>) ?? {}) };
  const allowed = set === 'accounts' ? [...e.columns, ...mock.accountColumns] : e.columns;
  for (const [k, v] of Object.entries(body)) {
    if (k.endsWith('@odata.bind')) {
      const m = /^regardingobjectid_(\w+)_(\w+)@odata\.bind$/.exec(k);
      const target = m && m[2] === e.name ? BIND_TABLES[m[1]!] : undefined;
      if (!isActivity || !m || !target)
        return odataError(
          400,
          '0x80060888',
          `An undeclared property '${k.replace('@odata.bind', '')}' which only has property annotations in the payload but no property value was found in the payload.`,
        );
      const ref = typeof v === 'string' ? /^\/(\w+)\(([0-9a-f-]{36})\)$/.exec(v) : null;
      if (!ref || ref[1] !== target) return odataError(400, '0x80060888', `Invalid bind value for '${k}'.`);
      if (!mock.row(target, ref[2]!)) return odataError(404, '0x80040217', `${m[1]} With Id = ${ref[2]} Does Not Exist`);
      row._regardingobjectid_value = ref[2];
      tables._regardingobjectid_value = m[1]!;
    } else if (k === e.id || k.startsWith('_') || !allowed.includes(k)) {
      return odataError(400, '0x80060888', `The property '${k}' does not exist on type 'Microsoft.Dynamics.CRM.${e.name}'.`);
    } else row[k] = v;
  }
  const states = STATUS[e.name];
  if (states && ('statecode' in row || 'statuscode' in row)) {
    const state = (row.statecode ?? mock.row(set, id)?.statecode ?? 0) as number;
    const allowedStatus = states[state];
    if (!allowedStatus) return odataError(400, '0x80040203', `${state} is not a valid state code on ${e.name}.`);
    if (row.statuscode === undefined) row.statuscode = allowedStatus[0];
    else if (!allowedStatus.includes(row.statuscode as number))
      return odataError(400, '0x8004431a', `${row.statuscode as number} is not a valid status code for state code ${e.name}State.${state}.`);
  }
  if (!exists) {
    if (!isActivity) return odataError(404, '', `${e.name} With Id = ${id} Does Not Exist`);
    const open = STATUS[e.name]![0]![0]!;
    Object.assign(row, { statecode: row.statecode ?? 0, statuscode: row.statuscode ?? open });
    mock.writtenIds.add(id);
  }
  mock.put(set, { ...row, _tables: tables });
  return { status: 204, headers: { 'odata-entityid': `${mock.root}/${set}(${id})` } };
}
