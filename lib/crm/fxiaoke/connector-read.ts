/**
 * readChanges for Fxiaoke: each object in turn through `/cgi/crm/v2/data/query`, 100 records a
 * call (the maximum), ordered by `last_modified_time` then `_id`. Paging is by key, not by a
 * growing offset: each call asks `last_modified_time GTE <last seen>` and skips the records at
 * exactly that time already read (by an offset in whole pages, the API's rule, plus the rest
 * dropped here), so a record edited mid-pass can neither shift others out of the read nor be
 * lost. The same marker makes the next pass incremental.
 *
 * Cursor: `phase` (object index), `t:<Obj>` (last `last_modified_time` read, ms) and `n:<Obj>`
 * (records read at exactly that time).
 */
import { keyInText } from '../../sync/activity-key';
import { BatchCollector, numberOf } from '../../sync/rows';
import { ConnectorError, type ChangeBatch, type Connection, type ConnectorContext, type RecordKey, type SyncCursor } from '../../sync/types';
import { fxApi } from './connector-http';
import * as map from './connector-map';

export const OBJECTS = ['AccountObj', 'ContactObj', 'SalesOrderObj', 'ActiveRecordObj'] as const;
type Obj = (typeof OBJECTS)[number];
const OBJECT: Record<Obj, RecordKey['objectType']> = {
  AccountObj: 'account',
  ContactObj: 'contact',
  SalesOrderObj: 'transaction',
  ActiveRecordObj: 'activity',
};
export const LIMIT = 100;

interface QueryAnswer {
  errorCode?: number;
  data?: { dataList?: map.Rec[]; total?: number };
}

function mapRow(obj: Obj, r: map.Rec, col: BatchCollector, incremental: boolean): void {
  if (map.isGone(r)) {
    if (incremental) col.deleted({ objectType: OBJECT[obj], id: String(r._id) });
    return;
  }
  const key: RecordKey = { objectType: OBJECT[obj], id: typeof r._id === 'string' ? r._id : '' };
  if (obj === 'AccountObj') return col.add('customers', key, () => map.toCustomer(r));
  const account = obj === 'ActiveRecordObj' ? map.accountOfRecord(r) : typeof r.account_id === 'string' && r.account_id ? r.account_id : undefined;
  if (!account) return;
  if (obj === 'ContactObj') col.add('contacts', key, () => map.toContact(r, account));
  else if (obj === 'SalesOrderObj') col.add('transactions', key, () => map.toTransaction(r, account));
  else {
    col.add('interactions', key, () => map.toInteraction(r, account));
    col.tagged(keyInText(r.active_record_content), key.id);
  }
}

export const queryBody = (obj: string, limit: number, offset: number, filters: unknown[]) => ({
  data: {
    dataObjectApiName: obj,
    find_explicit_total_num: false,
    search_query_info: {
      limit,
      offset,
      filters,
      orders: [
        { fieldName: 'last_modified_time', isAsc: true },
        { fieldName: '_id', isAsc: true },
      ],
    },
    fieldProjection: map.FIELDS[obj],
  },
});

export async function* readFxiaoke(conn: Connection, cursor: SyncCursor | null, ctx: ConnectorContext): AsyncGenerator<ChangeBatch, void, void> {
  const api = fxApi(conn, ctx);
  let cur: SyncCursor = { phase: 0, ...cursor };
  const col = new BatchCollector();
  const first = typeof cur.phase === 'number' && cur.phase < OBJECTS.length ? cur.phase : 0;
  for (let phase = first; phase < OBJECTS.length; phase++) {
    const obj = OBJECTS[phase]!;
    let t = typeof cur[`t:${obj}`] === 'number' ? (cur[`t:${obj}`] as number) : undefined;
    let n = typeof cur[`n:${obj}`] === 'number' ? (cur[`n:${obj}`] as number) : 0;
    const incremental = t !== undefined;
    for (;;) {
      const filters = t === undefined ? [] : [{ field_name: 'last_modified_time', field_values: [String(t)], operator: 'GTE' }];
      const res = await api.post<QueryAnswer>('/cgi/crm/v2/data/query', queryBody(obj, LIMIT, t === undefined ? 0 : Math.floor(n / LIMIT) * LIMIT, filters));
      const list = res.data?.dataList ?? [];
      const before = `${t}:${n}`;
      let drop = t === undefined ? 0 : n % LIMIT;
      for (const r of list) {
        const ts = numberOf(r.last_modified_time);
        if (drop > 0 && ts === t) {
          drop--;
          continue;
        }
        col.seen();
        try {
          mapRow(obj, r, col, incremental);
        } catch (e) {
          col.skip(
            { objectType: OBJECT[obj], id: typeof r._id === 'string' ? r._id : '' },
            e instanceof Error && e.name === 'MalformedRecord' ? e.message : 'unreadable record',
          );
        }
        if (ts === undefined) continue;
        if (t === undefined || ts > t) [t, n] = [ts, 1];
        else if (ts === t) n++;
      }
      const done = list.length < LIMIT;
      // A full page that moved the marker nowhere would be asked again forever.
      if (!done && `${t}:${n}` === before) throw new ConnectorError('rejected', `${obj}: a page without last_modified_time`);
      cur = { ...cur, phase: done ? (phase + 1) % OBJECTS.length : phase, [`t:${obj}`]: t ?? null, [`n:${obj}`]: n };
      yield col.take(cur);
      if (done) break;
    }
  }
}
