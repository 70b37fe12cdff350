/**
 * A Pipedrive API mock (docs/crm-apis/pipedrive.md "What the mock imitates"): `x-api-token` (or
 * Bearer) on the company host and api.pipedrive.com, 401 with `x-401-by-gw`, API v2 lists
 * (limit ≤ 500, opaque cursors, `updated_since`, `status`, `done`, id filters, sorting) and v1
 * notes (start/limit pagination, v1 times), activity creation with v2's validation, fields and
 * custom-field updates, the `{success, data, additional_data}` envelope, the per-token
 * two-second burst window and the company's daily token budget (429s with x-ratelimit-*), and a
 * Cloudflare HTML 403 after repeated 429s. Every request takes `requestMs` of mock time.
 */
import { MockBase, type MockRequest, type MockResponse } from './harness';
import { ACTIVITY_TYPES, PipedriveStore, rfc3339, v1Time, type Entity, type Rec } from './pipedrive-store';

export interface PipedriveMockOptions {
  company?: string;
  now?: number;
  requestMs?: number;
  /** Requests per token per rolling 2 seconds. */
  burstLimit?: number;
  /** The company's daily token budget (a list costs 10, v1 lists 20, a get 1, a write 5). */
  dailyBudget?: number;
  /** After this many 429s in a row, Cloudflare answers 403 with an HTML page. */
  cloudflareAfter?: number;
  /**
   * Keep a v2 list's filtered, sorted rows from page to page while the store is unchanged (big
   * books: otherwise every page filters and sorts the whole table). Records changed other than
   * through the store's create/edit/remove are not noticed, so it is off by default.
   */
  cacheLists?: boolean;
}

const fail = (status: number, error: string, headers?: Record<string, string>): MockResponse => ({
  status,
  headers,
  body: { success: false, error, error_info: 'Please check developers.pipedrive.com', data: null, additional_data: null },
});
const ok = (data: unknown, additional_data: unknown = null): MockResponse => ({ status: 200, body: { success: true, data, additional_data } });

export class PipedriveMock extends MockBase {
  readonly company: string;
  readonly companyId = 7_340_001;
  readonly userId = 11_223_344;
  readonly store: PipedriveStore;
  readonly created: number[] = [];
  private tokens = new Map<string, boolean>();
  private burst: number[] = [];
  private budget: { day: string; spent: number };
  private in429 = 0;
  private readonly opts: Required<Omit<PipedriveMockOptions, 'company' | 'now'>>;
  private listCache: { key: string; rows: Rec[] } | undefined;

  constructor(opts: PipedriveMockOptions = {}) {
    super();
    this.company = opts.company ?? 'acme';
    this.store = new PipedriveStore(opts.now ?? Date.parse('2026-11-20T09:00:00Z'));
    this.opts = {
      requestMs: opts.requestMs ?? 100,
      burstLimit: opts.burstLimit ?? 80,
      dailyBudget: opts.dailyBudget ?? 60_000,
      cloudflareAfter: opts.cloudflareAfter ?? Infinity,
      cacheLists: opts.cacheLists ?? false,
    };
    this.budget = { day: '', spent: 0 };
  }

  get now(): number {
    return this.store.now;
  }
  advance(ms: number): void {
    this.store.now += ms;
  }

  /** Change a record "in the CRM" (its update_time moves to now). */
  edit(entity: Entity, id: number, fields: Record<string, unknown>): void {
    this.store.edit(entity, id, fields);
  }
  /** The activities written through the API, in order. */
  activities(): Rec[] {
    return this.created.map((id) => this.store.table('activities').get(id)!);
  }
  newToken(): string {
    const token = Array.from({ length: 40 }, (_, i) => '0123456789abcdef'[(i * 7 + this.tokens.size * 3) % 16]).join('');
    this.tokens.set(token, true);
    return token;
  }
  revokeTokens(): void {
    for (const t of this.tokens.keys()) this.tokens.set(t, false);
  }

  readonly handle = (req: MockRequest): Promise<MockResponse> => this.serve(req, (r) => this.withLimits(r));

  private cost(req: MockRequest): number {
    if (req.method !== 'GET') return 5;
    if (/^\/(api\/)?v1\/(notes|organizationFields)/.test(req.url.pathname)) return 20;
    return /\/\d+$/.test(req.url.pathname) || /users\/me$/.test(req.url.pathname) ? 1 : 10;
  }

  private withLimits(req: MockRequest): MockResponse {
    this.advance(this.opts.requestMs);
    const host = req.url.hostname;
    if (host !== `${this.company}.pipedrive.com` && host !== 'api.pipedrive.com') return { status: 404, body: 'Not found' };
    const token = req.headers['x-api-token'] ?? /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!this.tokens.get(token))
      return {
        ...fail(401, 'unauthorized access'),
        headers: { 'x-401-by-gw': 'true' },
        body: { success: false, error: 'unauthorized access', errorCode: 401, error_info: 'Please check developers.pipedrive.com' },
      };
    if (this.in429 >= this.opts.cloudflareAfter)
      return {
        status: 403,
        headers: { 'content-type': 'text/html' },
        body: '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>',
      };
    this.burst = this.burst.filter((t) => t > this.now - 2000);
    const day = new Date(this.now).toISOString().slice(0, 10);
    if (this.budget.day !== day) this.budget = { day, spent: 0 };
    const reset = this.burst.length ? Math.max(1, Math.ceil((this.burst[0]! + 2000 - this.now) / 1000)) : 2;
    const headers = (remaining: number): Record<string, string> => ({
      'x-ratelimit-limit': String(this.opts.burstLimit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
    });
    if (this.burst.length >= this.opts.burstLimit) return this.limited(fail(429, 'Too many requests', headers(0)));
    if (this.budget.spent + this.cost(req) > this.opts.dailyBudget)
      return this.limited(fail(429, 'Daily API token budget exceeded', headers(this.opts.burstLimit - this.burst.length)));
    this.in429 = 0;
    this.burst.push(this.now);
    this.budget.spent += this.cost(req);
    const res = this.route(req);
    return { ...res, headers: { ...res.headers, ...headers(this.opts.burstLimit - this.burst.length) } };
  }

  private limited(res: MockResponse): MockResponse {
    this.in429++;
    return res;
  }

  private route(req: MockRequest): MockResponse {
    const path = req.url.pathname.replace(/^\/v1\//, '/api/v1/');
    const q = req.url.searchParams;
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && path === '/api/v1/users/me')
      return ok({
        id: this.userId,
        name: 'Sam Patel',
        email: 'sam@acme.example',
        company_id: this.companyId,
        company_name: 'Acme Ltd',
        company_domain: this.company,
        default_currency: 'EUR',
        timezone_name: 'Europe/London',
      });
    if (req.method === 'GET' && (m = /^\/api\/v2\/(organizations|persons|deals|activities)$/.exec(path))) return this.list(m[1] as Entity, q);
    if (req.method === 'GET' && path === '/api/v1/notes') return this.notes(q);
    if (req.method === 'POST' && path === '/api/v2/activities') return this.createActivity(req.body);
    if (req.method === 'GET' && path === '/api/v1/organizationFields')
      return ok(this.store.orgFields, { pagination: { start: 0, limit: 500, more_items_in_collection: false } });
    if (req.method === 'PATCH' && (m = /^\/api\/v2\/organizations\/(\d+)$/.exec(path))) return this.patchOrganization(Number(m[1]), req.body);
    return fail(404, 'Unknown method .');
  }

  /** A record as API v2 shows it (times RFC 3339). */
  view(r: Rec): Record<string, unknown> {
    return { ...r, add_time: rfc3339(r.add_time), update_time: rfc3339(r.update_time) };
  }

  private list(e: Entity, q: URLSearchParams): MockResponse {
    const limit = Number(q.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return fail(400, 'Validation failed: limit: Must be between 1 and 500');
    const since = q.get('updated_since');
    if (since !== null && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(since))
      return fail(400, 'Validation failed: updated_since: Must be RFC 3339');
    const done = q.get('done');
    if (done !== null && done !== 'true' && done !== 'false') return fail(400, 'Validation failed: done: Must be a boolean');
    const rows = this.listRows(e, q);
    const offset = q.get('cursor') ? Number(JSON.parse(Buffer.from(q.get('cursor')!, 'base64url').toString()).o) : 0;
    const page = rows.slice(offset, offset + limit);
    const next = offset + limit < rows.length ? Buffer.from(JSON.stringify({ o: offset + limit })).toString('base64url') : null;
    return ok(
      page.map((r) => this.view(r)),
      { next_cursor: next },
    );
  }

  /** The list's rows filtered and sorted (the same for every page of one listing). */
  private listRows(e: Entity, q: URLSearchParams): Rec[] {
    const query = new URLSearchParams(q);
    query.delete('cursor');
    const key = `${e}?${query}#${this.store.version}`;
    if (this.opts.cacheLists && this.listCache?.key === key) return this.listCache.rows;
    const since = q.get('updated_since');
    const done = q.get('done');
    const status = q.get('status');
    // one walk over the table with the cheap conditions (a real server answers from its indexes)
    const sinceMs = since ? Date.parse(since) : -Infinity;
    const statuses = status && status !== 'deleted' ? status.split(',') : null;
    let rows: Rec[] = [];
    for (const r of this.store.table(e).values()) {
      if ((status === 'deleted') !== r.is_deleted || r.update_time < sinceMs) continue;
      if (statuses && !statuses.includes(String(r.status))) continue;
      if (done !== null && r.done !== (done === 'true')) continue;
      rows.push(r);
    }
    for (const f of ['org_id', 'person_id', 'deal_id', 'lead_id']) {
      const v = q.get(f);
      if (v !== null)
        rows = rows.filter(
          (r) => String(r[f]) === v || (f === 'person_id' && (r.participants as { person_id: number }[] | undefined)?.some((p) => String(p.person_id) === v)),
        );
    }
    const sortBy = q.get('sort_by') ?? 'id';
    const dir = q.get('sort_direction') === 'desc' ? -1 : 1;
    rows.sort((a, b) => ((a[sortBy] as number) - (b[sortBy] as number) || a.id - b.id) * dir);
    if (this.opts.cacheLists) this.listCache = { key, rows };
    return rows;
  }

  private notes(q: URLSearchParams): MockResponse {
    const start = Number(q.get('start') ?? 0);
    const limit = Math.min(500, Number(q.get('limit') ?? 100));
    const since = q.get('updated_since');
    if (since !== null && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(since)) return fail(400, 'updated_since must be YYYY-MM-DD HH:MM:SS');
    let rows = [...this.store.table('notes').values()].filter((r) => !r.is_deleted);
    if (since) rows = rows.filter((r) => r.update_time >= Date.parse(`${since.replace(' ', 'T')}Z`));
    if (q.get('org_id')) rows = rows.filter((r) => String(r.org_id) === q.get('org_id'));
    rows.sort((a, b) => a.id - b.id);
    const page = rows.slice(start, start + limit);
    const more = start + limit < rows.length;
    return ok(page.length ? page.map((r) => ({ ...r, add_time: v1Time(r.add_time), update_time: v1Time(r.update_time), is_deleted: undefined })) : null, {
      pagination: { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) },
    });
  }

  private createActivity(body: string): MockResponse {
    const a = JSON.parse(body || '{}') as Record<string, unknown>;
    if ('person_id' in a) return fail(400, 'Validation failed: person_id: This field is read-only; set participants instead');
    if (typeof a.type !== 'string' || !ACTIVITY_TYPES.includes(a.type)) return fail(400, 'Validation failed: type: Unknown activity type');
    if ('done' in a && typeof a.done !== 'boolean') return fail(400, 'Validation failed: done: Must be a boolean');
    if (a.due_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(a.due_date))) return fail(400, 'Validation failed: due_date: Must be YYYY-MM-DD');
    for (const [f, e] of [
      ['org_id', 'organizations'],
      ['deal_id', 'deals'],
    ] as const)
      if (a[f] != null && !this.store.table(e).get(Number(a[f]))) return fail(400, `Validation failed: ${f}: Item not found`);
    const participants = (a.participants as { person_id: number }[] | undefined) ?? [];
    if (participants.some((p) => !this.store.table('persons').get(p.person_id))) return fail(400, 'Validation failed: participants: Person not found');
    const rec = this.store.create('activities', {
      subject: a.subject ?? a.type,
      type: a.type,
      org_id: a.org_id ?? null,
      deal_id: a.deal_id ?? null,
      lead_id: a.lead_id ?? null,
      person_id: participants[0]?.person_id ?? null,
      participants,
      owner_id: this.userId,
      due_date: a.due_date ?? null,
      due_time: a.due_time ?? null,
      done: a.done ?? false,
      marked_as_done_time: a.done ? rfc3339(this.now) : null,
      note: a.note ?? null,
    });
    this.created.push(rec.id);
    return ok(this.view(rec));
  }

  private patchOrganization(id: number, body: string): MockResponse {
    const org = this.store.table('organizations').get(id);
    if (!org || org.is_deleted) return fail(404, 'Organization not found');
    const { custom_fields = {} } = JSON.parse(body || '{}') as { custom_fields?: Record<string, unknown> };
    const unknown = Object.keys(custom_fields).filter((k) => !this.store.orgFields.some((f) => f.key === k));
    if (unknown.length) return fail(400, `Validation failed: custom_fields: Unknown field ${unknown[0]}`);
    this.store.edit('organizations', id, { custom_fields: { ...(org.custom_fields as object), ...custom_fields } });
    return ok(this.view(org));
  }
}
