/**
 * The Fxiaoke mock's data endpoints: `/cgi/crm/v2/data/query` (limit ≤ 100, offset a multiple
 * of limit, the documented filter operators, multi-key orders, `fieldProjection`), `/create`
 * for 销售记录 (keeps `create_time` with `hasSpecifyTime`), `/update`, and
 * `/cgi/user/getByMobile`. Errors are HTTP 200 envelopes with a non-zero `errorCode`; Fxiaoke
 * publishes no table of codes, so the codes below other than 20016 are the mock's own.
 */
import type { MockResponse } from './harness';
import type { Rec } from './fxiaoke-seed';

export const CODES = { tokenExpired: 20016, badParam: 30001, notFound: 30002, badField: 30003, refused: 30004, limited: 30005 } as const;

export const envelope = (errorCode: number, errorMessage: string, extra: Rec = {}): MockResponse => ({
  status: 200,
  body: { traceId: `E-${Math.random().toString(16).slice(2, 10)}`, errorCode, errorMessage, errorDescription: errorMessage, ...extra },
});

export interface FxStore {
  objects: Map<string, Map<string, Rec>>;
  accountFields: string[];
  employees: { openUserId: string; name: string; mobile: string }[];
  now(): number;
  put(obj: string, rec: Rec): Rec;
  newId(): string;
  noteWritten(id: string): void;
}

const FIELDS: Record<string, string[]> = {
  AccountObj: ['_id', 'name', 'url', 'email', 'owner', 'owner__r', 'create_time', 'last_modified_time', 'life_status', 'is_deleted'],
  ContactObj: ['_id', 'name', 'account_id', 'account_id__r', 'email', 'job_title', 'owner', 'create_time', 'last_modified_time', 'life_status', 'is_deleted'],
  SalesOrderObj: [
    '_id',
    'name',
    'account_id',
    'account_id__r',
    'order_amount',
    'order_time',
    'owner',
    'create_time',
    'last_modified_time',
    'life_status',
    'is_deleted',
  ],
  ActiveRecordObj: [
    '_id',
    'active_record_content',
    'active_record_type',
    'active_record_type__r',
    'account_id',
    'account_id__r',
    'related_object_data',
    'owner',
    'create_time',
    'last_modified_time',
    'life_status',
    'is_deleted',
  ],
};
const SCORE_FIELDS = (s: FxStore): string[] => s.accountFields;

type Filter = { field_name?: string; field_values?: unknown[]; operator?: string };
const cmp = (a: unknown, b: string): number => (typeof a === 'number' ? a - Number(b) : String(a ?? '').localeCompare(b));
const TESTS: Record<string, (v: unknown, vals: string[]) => boolean> = {
  EQ: (v, [x]) => cmp(v, x!) === 0,
  N: (v, [x]) => cmp(v, x!) !== 0,
  GT: (v, [x]) => v != null && cmp(v, x!) > 0,
  GTE: (v, [x]) => v != null && cmp(v, x!) >= 0,
  LT: (v, [x]) => v != null && cmp(v, x!) < 0,
  LTE: (v, [x]) => v != null && cmp(v, x!) <= 0,
  LIKE: (v, [x]) => typeof v === 'string' && v.includes(x!),
  NLIKE: (v, [x]) => typeof v !== 'string' || !v.includes(x!),
  IN: (v, xs) => xs.some((x) => cmp(v, x) === 0),
  NIN: (v, xs) => !xs.some((x) => cmp(v, x) === 0),
  IS: (v) => v == null || v === '',
  ISN: (v) => v != null && v !== '',
};

export function query(s: FxStore, body: Rec): MockResponse {
  const data = (body.data ?? {}) as Rec;
  const obj = String(data.dataObjectApiName ?? '');
  if (!FIELDS[obj]) return envelope(CODES.notFound, `object ${obj} not found`);
  const info = (data.search_query_info ?? {}) as { limit?: number; offset?: number; filters?: Filter[]; orders?: { fieldName?: string; isAsc?: boolean }[] };
  const limit = info.limit ?? 20;
  const offset = info.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return envelope(CODES.badParam, 'limit must be 1–100');
  if (!Number.isInteger(offset) || offset % limit !== 0) return envelope(CODES.badParam, 'offset must be a multiple of limit');
  const known = [...FIELDS[obj]!, ...(obj === 'AccountObj' ? SCORE_FIELDS(s) : [])];
  const projection = Array.isArray(data.fieldProjection) ? (data.fieldProjection as string[]) : known;
  const unknown = [...projection, ...(info.filters ?? []).map((f) => f.field_name ?? ''), ...(info.orders ?? []).map((o) => o.fieldName ?? '')].find(
    (f) => !known.includes(f),
  );
  if (unknown !== undefined) return envelope(CODES.badField, `field ${unknown} does not exist`);
  const tests = (info.filters ?? []).map((f) => {
    const t = TESTS[f.operator ?? ''];
    return t ? (r: Rec) => t(r[f.field_name!], (f.field_values ?? []).map(String)) : undefined;
  });
  if (tests.includes(undefined)) return envelope(CODES.badParam, 'unknown operator');
  const orders = info.orders ?? [];
  const rows = [...(s.objects.get(obj)?.values() ?? [])]
    .filter((r) => tests.every((t) => t!(r)))
    .sort((a, b) => {
      for (const o of orders) {
        const x = a[o.fieldName!],
          y = b[o.fieldName!];
        const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        if (d) return o.isAsc === false ? -d : d;
      }
      return 0;
    });
  const dataList = rows.slice(offset, offset + limit).map((r) => Object.fromEntries(projection.filter((f) => f in r).map((f) => [f, r[f]])));
  return envelope(0, 'OK', { data: { dataList, ...(data.find_explicit_total_num ? { total: rows.length } : {}) } });
}

export function create(s: FxStore, body: Rec, userId: string): MockResponse {
  const od = ((body.data ?? {}) as Rec).object_data as Rec | undefined;
  if (!od || od.dataObjectApiName !== 'ActiveRecordObj') return envelope(CODES.refused, 'only ActiveRecordObj creates are served');
  const { dataObjectApiName: _obj, ...fields } = od;
  const bad = Object.keys(fields).find((f) => !FIELDS.ActiveRecordObj!.includes(f) || f === '_id' || f === 'last_modified_time');
  if (bad) return envelope(CODES.badField, `field ${bad} does not exist or is read-only`);
  if (typeof fields.active_record_content !== 'string' || !fields.active_record_content) return envelope(CODES.refused, 'active_record_content is required');
  const related = Array.isArray(fields.related_object_data) ? (fields.related_object_data as Rec[]) : [];
  const refs = [...related.map((r) => [r.describe_api_name, r.id]), ...(fields.account_id ? [['AccountObj', fields.account_id]] : [])];
  if (refs.length === 0 || refs.some(([o, id]) => !s.objects.get(String(o))?.has(String(id)))) return envelope(CODES.refused, 'related record not found');
  const owner = Array.isArray(fields.owner) && fields.owner.length === 1 ? fields.owner : [userId];
  const created = body.hasSpecifyTime === true && typeof fields.create_time === 'number' ? fields.create_time : s.now();
  const id = s.newId();
  s.put('ActiveRecordObj', { ...fields, _id: id, owner, create_time: created, life_status: 'normal', is_deleted: false });
  s.noteWritten(id);
  return envelope(0, 'OK', { dataId: id });
}

export function update(s: FxStore, body: Rec): MockResponse {
  const od = ((body.data ?? {}) as Rec).object_data as Rec | undefined;
  const obj = String(od?.dataObjectApiName ?? '');
  const id = String(od?._id ?? '');
  if (!od || !s.objects.get(obj)?.has(id)) return envelope(CODES.notFound, 'record not found');
  const { dataObjectApiName: _o, _id: _i, ...fields } = od;
  const known = [...(FIELDS[obj] ?? []), ...(obj === 'AccountObj' ? SCORE_FIELDS(s) : [])];
  const bad = Object.keys(fields).find((f) => !known.includes(f));
  if (bad) return envelope(CODES.badField, `field ${bad} does not exist`);
  s.put(obj, { ...fields, _id: id });
  return envelope(0, 'OK');
}

export function byMobile(s: FxStore, body: Rec): MockResponse {
  const emp = s.employees.filter((e) => e.mobile === body.mobile);
  return envelope(0, 'OK', { empList: emp.map((e) => ({ openUserId: e.openUserId, name: e.name, mobile: e.mobile })) });
}
