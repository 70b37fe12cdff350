/**
 * The Zoho mock's records API under `/crm/v6/`: list reads (`fields` required, `per_page` ≤ 200,
 * `page` refused past 2,000 records with DISCRETE_PAGINATION_LIMIT_EXCEEDED, `page_token`,
 * `If-Modified-Since` → 304 when nothing changed, 204 when empty), single records, the deleted
 * records feed, COQL (`select … from … where <field> like '…' [limit n]`), inserts with
 * per-item answers (MANDATORY_NOT_FOUND / INVALID_DATA naming the field), and updates.
 */
import type { MockRequest, MockResponse } from './harness';
import { zohoError } from './zoho';
import type { Rec } from './zoho-seed';

export interface ZohoStore {
  modules: Map<string, Map<string, Rec>>;
  deleted: Map<string, Rec[]>;
  accountFields: string[];
  pageTokens: boolean;
  user: Rec;
  org: Rec;
  now(): number;
  time(ms?: number): string;
  put(module: string, rec: Rec): Rec;
  record(module: string, id: string): Rec | undefined;
  newId(): string;
  noteWritten(module: string, id: string): void;
}

const FIELDS: Record<string, string[]> = {
  Accounts: ['Account_Name', 'Website', 'Owner', 'Created_Time', 'Modified_Time'],
  Contacts: ['Full_Name', 'First_Name', 'Last_Name', 'Email', 'Title', 'Account_Name', 'Modified_Time'],
  Deals: ['Deal_Name', 'Amount', 'Currency', 'Closing_Date', 'Stage', 'Probability', 'Account_Name', 'Modified_Time'],
  Calls: [
    'Subject',
    'Call_Type',
    'Call_Start_Time',
    'Call_Duration',
    'Call_Status',
    'Description',
    'What_Id',
    'Who_Id',
    '$se_module',
    'Modified_Time',
    'Created_Time',
  ],
  Events: ['Event_Title', 'Start_DateTime', 'End_DateTime', 'Description', 'What_Id', 'Who_Id', '$se_module', 'Modified_Time'],
  Tasks: ['Subject', 'Status', 'Due_Date', 'Closed_Time', 'Description', 'What_Id', 'Who_Id', '$se_module', 'Modified_Time'],
  Cases: ['Subject', 'Description', 'Type', 'Status', 'Account_Name', 'Created_Time', 'Modified_Time'],
};
const MANDATORY: Record<string, string[]> = { Calls: ['Subject', 'Call_Type', 'Call_Start_Time', 'Call_Duration'], Tasks: ['Subject'] };
const WRITE_ONLY = new Set(['Created_Time', 'Modified_Time', 'Call_Status', 'Closed_Time']);
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const tokens = new Map<string, number>();

/** The fields asked for, and `$se_module` with `What_Id` (the module the lookup points into). */
const pick = (rec: Rec, fields: string[]): Rec => {
  const asked = fields.includes('What_Id') && '$se_module' in rec ? [...fields, '$se_module'] : fields;
  return Object.fromEntries([['id', rec.id], ...asked.filter((f) => f in rec).map((f) => [f, rec[f]])]);
};
const since = (req: MockRequest): number | undefined => (req.headers['if-modified-since'] ? Date.parse(req.headers['if-modified-since']) : undefined);

export function routeRecords(s: ZohoStore, req: MockRequest): MockResponse {
  const m = /^\/crm\/v6\/(.+)$/.exec(req.url.pathname);
  if (!m) return zohoError(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one');
  const [head, sub] = m[1]!.split('/') as [string, string?];
  if (req.method === 'GET' && head === 'users' && req.url.searchParams.get('type') === 'CurrentUser')
    return { status: 200, body: { users: [s.user], info: { count: 1 } } };
  if (req.method === 'GET' && head === 'org') return { status: 200, body: { org: [s.org] } };
  if (req.method === 'POST' && head === 'coql') return coql(s, req);
  if (!FIELDS[head]) return zohoError(400, 'INVALID_MODULE', 'the module name given seems to be invalid');
  if (req.method === 'GET' && sub === 'deleted') return deletedList(s, req, head);
  if (req.method === 'GET' && sub) return single(s, req, head, sub);
  if (req.method === 'GET') return list(s, req, head);
  if (req.method === 'POST' && !sub) return write(s, req, head, 'insert');
  if (req.method === 'PUT' && !sub) return write(s, req, head, 'update');
  return zohoError(405, 'INVALID_REQUEST_METHOD', 'The http request method type is not a valid one');
}

function fieldsOf(req: MockRequest, module: string): string[] | MockResponse {
  const raw = req.url.searchParams.get('fields');
  if (!raw) return zohoError(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param: 'fields' });
  const fields = raw.split(',');
  const bad = fields.find((f) => !FIELDS[module]!.includes(f) && !(module === 'Accounts' && f.startsWith('Rapport_')));
  return bad ? zohoError(400, 'INVALID_DATA', 'invalid data', { api_name: bad }) : fields;
}

function list(s: ZohoStore, req: MockRequest, module: string): MockResponse {
  const fields = fieldsOf(req, module);
  if (!Array.isArray(fields)) return fields;
  const q = req.url.searchParams;
  const perPage = Math.min(Number(q.get('per_page') ?? 200), 200);
  const token = q.get('page_token');
  let offset: number;
  if (token) {
    if (!tokens.has(token)) return zohoError(400, 'INVALID_DATA', 'invalid data', { param: 'page_token' });
    offset = tokens.get(token)!;
  } else {
    offset = (Number(q.get('page') ?? 1) - 1) * perPage;
    if (offset >= 2000)
      return zohoError(400, 'DISCRETE_PAGINATION_LIMIT_EXCEEDED', 'cannot fetch records beyond 2000 using page; use page_token', { limit: 2000 });
  }
  const after = since(req);
  const rows = [...(s.modules.get(module)?.values() ?? [])]
    .filter((r) => after === undefined || Date.parse(r.Modified_Time as string) > after)
    .sort((a, b) => Date.parse(a.Modified_Time as string) - Date.parse(b.Modified_Time as string) || String(a.id).localeCompare(String(b.id)));
  if (rows.length === 0) return after !== undefined ? { status: 304 } : { status: 204 };
  const data = rows.slice(offset, offset + perPage).map((r) => pick(r, fields));
  const more = offset + perPage < rows.length;
  let next: string | null = null;
  if (more && s.pageTokens) {
    next = `${(tokens.size + 1).toString(16).padStart(8, '0')}${'9'.repeat(24)}`;
    tokens.set(next, offset + perPage);
  }
  const info = {
    per_page: perPage,
    count: data.length,
    page: Math.floor(offset / perPage) + 1,
    sort_by: 'Modified_Time',
    sort_order: 'asc',
    more_records: more,
    next_page_token: next,
  };
  return { status: 200, body: { data, info: { ...info, previous_page_token: null, page_token_expiry: next ? s.time(s.now() + 86_400_000) : null } } };
}

function single(s: ZohoStore, req: MockRequest, module: string, id: string): MockResponse {
  const fields = fieldsOf(req, module);
  if (!Array.isArray(fields)) return fields;
  const rec = s.record(module, id);
  return rec ? { status: 200, body: { data: [pick(rec, fields)] } } : { status: 204 };
}

function deletedList(s: ZohoStore, req: MockRequest, module: string): MockResponse {
  const q = req.url.searchParams;
  const perPage = Math.min(Number(q.get('per_page') ?? 200), 200);
  const page = Number(q.get('page') ?? 1);
  const after = since(req);
  const rows = (s.deleted.get(module) ?? []).filter((d) => after === undefined || Date.parse(d.deleted_time as string) > after);
  const data = rows.slice((page - 1) * perPage, page * perPage);
  if (data.length === 0) return { status: 204 };
  return { status: 200, body: { data, info: { per_page: perPage, count: data.length, page, more_records: page * perPage < rows.length } } };
}

function coql(s: ZohoStore, req: MockRequest): MockResponse {
  const query = String((JSON.parse(req.body || '{}') as Rec).select_query ?? '');
  const m = /^select ([\w, $]+) from (\w+) where (\w+) like '((?:[^']|'')*)'(?: limit (\d+))?$/i.exec(query.trim());
  if (!m || !FIELDS[m[2]!]) return zohoError(400, 'SYNTAX_ERROR', 'error occured while parsing the query', { clause: 'where' });
  const [, cols, module, field, pattern, limit] = m as unknown as [string, string, string, string, string, string?];
  const re = new RegExp(
    `^${pattern
      .replace(/''/g, "'")
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/%/g, '.*')
      .replace(/_/g, '.')}$`,
    'is',
  );
  const rows = [...(s.modules.get(module)?.values() ?? [])].filter((r) => typeof r[field] === 'string' && re.test(r[field] as string));
  const data = rows.slice(0, Number(limit ?? 200)).map((r) =>
    pick(
      r,
      cols.split(',').map((c) => c.trim()),
    ),
  );
  return data.length ? { status: 200, body: { data, info: { count: data.length, more_records: rows.length > data.length } } } : { status: 204 };
}

function check(s: ZohoStore, module: string, r: Rec, op: 'insert' | 'update'): Rec | undefined {
  const err = (code: string, api_name: string): Rec => ({
    code,
    details: { api_name },
    message: code === 'MANDATORY_NOT_FOUND' ? 'required field not found' : 'invalid data',
    status: 'error',
  });
  if (op === 'update' && (typeof r.id !== 'string' || !s.record(module, r.id))) return err('INVALID_DATA', 'id');
  if (op === 'insert') for (const f of MANDATORY[module] ?? []) if (r[f] === undefined || r[f] === '') return err('MANDATORY_NOT_FOUND', f);
  for (const [k, v] of Object.entries(r)) {
    if (k === 'id' && op === 'update') continue;
    const known = FIELDS[module]!.includes(k) || (module === 'Accounts' && s.accountFields.includes(k));
    if (!known || WRITE_ONLY.has(k)) return err('INVALID_DATA', k);
    if (['Call_Start_Time'].includes(k) && !ZONED.test(String(v))) return err('INVALID_DATA', k);
    if (k === 'Call_Duration' && !/^\d{1,3}:\d{2}$/.test(String(v))) return err('INVALID_DATA', k);
    if (k === 'Due_Date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(v))) return err('INVALID_DATA', k);
    if (k === 'Status' && module === 'Tasks' && !['Not Started', 'Deferred', 'In Progress', 'Completed', 'Waiting for input'].includes(String(v)))
      return err('INVALID_DATA', k);
  }
  const what = r.What_Id as Rec | undefined;
  if (what && (typeof what.id !== 'string' || typeof r.$se_module !== 'string' || !s.record(r.$se_module, what.id))) return err('INVALID_DATA', 'What_Id');
  const who = r.Who_Id as Rec | undefined;
  if (who && (typeof who.id !== 'string' || !s.record('Contacts', who.id))) return err('INVALID_DATA', 'Who_Id');
  return undefined;
}

function write(s: ZohoStore, req: MockRequest, module: string, op: 'insert' | 'update'): MockResponse {
  const body = JSON.parse(req.body || '{}') as { data?: Rec[] };
  if (!Array.isArray(body.data) || body.data.length === 0 || body.data.length > 100)
    return zohoError(400, 'INVALID_DATA', 'invalid data', { api_name: 'data' });
  const items = body.data.map((r) => {
    const bad = check(s, module, r, op);
    if (bad) return bad;
    const id = op === 'insert' ? s.newId() : (r.id as string);
    const extra: Rec = module === 'Calls' ? { Call_Status: Date.parse(r.Call_Start_Time as string) <= s.now() ? 'Completed' : 'Scheduled' } : {};
    const what = r.What_Id as Rec | undefined;
    const name = what ? (s.record(r.$se_module as string, what.id as string)?.Account_Name ?? null) : undefined;
    s.put(module, { ...r, ...extra, ...(what ? { What_Id: { id: what.id, name } } : {}), id });
    if (op === 'insert') s.noteWritten(module, id);
    const who = { name: s.user.full_name, id: s.user.id };
    return {
      code: 'SUCCESS',
      details: { id, Modified_Time: s.time(), Modified_By: who, Created_Time: s.time(), Created_By: who },
      message: `record ${op === 'insert' ? 'added' : 'updated'}`,
      status: 'success',
    };
  });
  const ok = items.filter((i) => i.status === 'success').length;
  return { status: ok === items.length ? (op === 'insert' ? 201 : 200) : ok === 0 ? 400 : 207, body: { data: items } };
}
