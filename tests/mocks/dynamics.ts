/**
 * A Dataverse Web API (v9.2) double for the Dynamics 365 connector, on the org's own host.
 * Imitates: the signed-in session (a `CrmOwinAuth` cookie; signed out = 302 to the Microsoft
 * sign-in page, or 401), WhoAmI, collection reads with `$select`/`$filter`/`$orderby`,
 * `Prefer: odata.maxpagesize` (`Preference-Applied`), opaque `$skiptoken` next links (`$skip`
 * refused), change tracking (delta links, `$deletedEntity` entries, tables without tracking
 * refused), upserts with `If-None-Match: *` (412) / `If-Match: *` (404), state/status pairs,
 * `@odata.bind` names, and service protection (429 + Retry-After + `0x80072322`).
 * Faults, latency and the request log come from MockBase.
 */
import { MockBase, mockFetch, type MockRequest, type MockResponse } from './harness';
import type { SeedBook } from './crm-seed';
import { ACTIVITY_SETS, ENTITIES, filterOf, odataError, orderOf, preferOf, present, selectOf, type Entity, type Row } from './dynamics-odata';
import { dynamicsRows, fakeGuid } from './dynamics-seed';
import { patchRecord } from './dynamics-write';

interface Paging {
  rows: Row[];
  pos: number;
  pageSize: number;
  query: string;
  deltaLink?: string;
}

export class DynamicsMock extends MockBase {
  readonly root: string;
  readonly tables = new Map<string, Map<string, Row>>(Object.keys(ENTITIES).map((s) => [s, new Map()]));
  readonly tombstones: { set: string; id: string; v: number }[] = [];
  /** Ids of activities created through the API (what the connector wrote). */
  readonly writtenIds = new Set<string>();
  /** Tables with change tracking enabled (Dataverse: a per-table admin setting). */
  readonly trackChanges = new Set(Object.keys(ENTITIES));
  /** Delta tokens below this version are refused as expired. */
  deltaFloor = 0;
  session = 'session-1';
  signedOut: null | 'redirect' | '401' = null;
  /** Service protection: requests per window per user. */
  limit = { max: Number.POSITIVE_INFINITY, windowMs: 300_000 };
  /** Custom columns an admin added to account (writeScores). */
  accountColumns: string[] = [];
  readonly user = { id: '8d3b4c1e-0000-4a5b-9c6d-000000000001', name: 'Sales Rep', email: 'rep@contoso.example' };
  readonly orgId = '0f1e2d3c-4b5a-4697-8877-665544332211';
  version = 0;
  private pagings = new Map<string, Paging>();
  private hits: number[] = [];

  constructor(
    readonly origin = 'https://org.crm4.dynamics.com',
    readonly now: () => number = () => Date.now(),
  ) {
    super();
    this.root = `${origin}/api/data/v9.2`;
    this.put('systemusers', { systemuserid: this.user.id, fullname: this.user.name, internalemailaddress: this.user.email });
  }

  handle = (req: MockRequest): Promise<MockResponse> => this.serve(req, (r) => this.route(r));

  /** A fetch as the browser makes it from the org's tab: the session cookie goes with every same-origin request. */
  browserFetch() {
    const f = mockFetch([{ match: (u) => u.origin === this.origin, handler: this.handle }]);
    return (input: string, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      if (new URL(input).origin === this.origin) headers.set('cookie', `CrmOwinAuth=${this.session}`);
      return f(input, { ...init, headers });
    };
  }

  private iso = (): string => new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');

  /** Insert or replace a row: a new version and `modifiedon` = now unless given. */
  put(set: string, row: Row): Row {
    const e = ENTITIES[set]!;
    const prev = this.tables.get(set)!.get(row[e.id] as string);
    const next: Row = { createdon: this.iso(), ...prev, ...row, modifiedon: row.modifiedon ?? this.iso(), _v: ++this.version };
    this.tables.get(set)!.set(next[e.id] as string, next);
    return next;
  }

  seed(book: SeedBook): void {
    const currencyId = (code: string): string => {
      const id = fakeGuid(`currency:${code}`);
      if (!this.tables.get('transactioncurrencies')!.has(id))
        this.put('transactioncurrencies', { transactioncurrencyid: id, isocurrencycode: code, currencyname: code });
      return id;
    };
    for (const { set, row } of dynamicsRows(book, currencyId)) this.put(set, { modifiedon: row.createdon, ...row });
  }

  /** Change a record "in the CRM" (bumps its version and modifiedon). */
  edit(set: string, id: string, patch: Row): void {
    if (!this.tables.get(set)?.has(id)) throw new Error(`DynamicsMock.edit: no ${set}(${id})`);
    this.put(set, { ...patch, [ENTITIES[set]!.id]: id, modifiedon: patch.modifiedon });
  }

  remove(set: string, id: string): void {
    if (!this.tables.get(set)?.delete(id)) throw new Error(`DynamicsMock.remove: no ${set}(${id})`);
    this.tombstones.push({ set, id, v: ++this.version });
  }

  /** Merge account `from` into `into` as Dynamics does: `from` is deactivated, marked merged, its master set. */
  merge(from: string, into: string): void {
    this.edit('accounts', from, {
      merged: true,
      statecode: 1,
      _masterid_value: into,
      _tables: { ...(this.row('accounts', from)!._tables as Record<string, string>), _masterid_value: 'account' },
    });
  }

  row(set: string, id: string): Row | undefined {
    return this.tables.get(set)?.get(id);
  }

  /** Activities written through the API, with the set they are in. */
  activities(): (Row & { set: string })[] {
    return ACTIVITY_SETS.flatMap((set) =>
      [...this.tables.get(set)!.values()].filter((r) => this.writtenIds.has(r.activityid as string)).map((r) => ({ ...r, set })),
    );
  }

  private route(req: MockRequest): MockResponse {
    const path = req.url.pathname.slice('/api/data/v9.2/'.length);
    if (!req.url.pathname.startsWith('/api/data/v9.2/')) return { status: 404, body: 'Not Found' };
    if (this.signedOut || !(req.headers['cookie'] ?? '').includes(`CrmOwinAuth=${this.session}`)) {
      if (this.signedOut === '401')
        return { status: 401, headers: { 'www-authenticate': 'Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize' } };
      return { status: 302, headers: { location: `https://login.microsoftonline.com/common/oauth2/authorize?client_id=00000007-0000-0000-c000-000000000000` } };
    }
    const t = this.now();
    this.hits = this.hits.filter((h) => h > t - this.limit.windowMs);
    if (this.hits.length >= this.limit.max) {
      const retry = Math.max(1, Math.ceil((this.hits[0]! + this.limit.windowMs - t) / 1000));
      return odataError(
        429,
        '0x80072322',
        `Number of requests exceeded the limit of ${this.limit.max} over time window of ${this.limit.windowMs / 1000} seconds.`,
        {
          'retry-after': String(retry),
        },
      );
    }
    this.hits.push(t);
    const res = this.dispatch(req, decodeURIComponent(path));
    const remaining = String(Math.max(0, this.limit.max - this.hits.length));
    return { ...res, headers: { 'x-ms-ratelimit-burst-remaining-xrm-requests': remaining === 'Infinity' ? '5999' : remaining, ...res.headers } };
  }

  private dispatch(req: MockRequest, path: string): MockResponse {
    if (path === 'WhoAmI' && req.method === 'GET')
      return {
        status: 200,
        body: {
          '@odata.context': `${this.root}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
          BusinessUnitId: fakeGuid('bu'),
          UserId: this.user.id,
          OrganizationId: this.orgId,
        },
      };
    const one = /^(\w+)\(([0-9a-fA-F-]{36})\)$/.exec(path);
    if (one) {
      const [, set, id] = one as unknown as [string, string, string];
      if (req.method === 'PATCH') return patchRecord(this, req, set, id.toLowerCase());
      if (req.method === 'GET') return this.getOne(req, set, id.toLowerCase());
    } else if (/^\w+$/.test(path) && req.method === 'GET') return this.getMany(req, path);
    return odataError(405, '0x80060888', `The HTTP method '${req.method}' is not allowed here.`);
  }

  private getOne(req: MockRequest, set: string, id: string): MockResponse {
    const isPointer = set === 'activitypointers';
    const e: Entity | undefined = isPointer ? { ...ENTITIES.tasks!, set, name: 'activitypointer' } : ENTITIES[set];
    if (!e) return odataError(404, '0x8006088a', `Resource not found for the segment '${set}'.`);
    const cols = selectOf(e, req.url);
    if (!Array.isArray(cols)) return cols as MockResponse;
    const row = isPointer ? ACTIVITY_SETS.map((s) => this.row(s, id)).find(Boolean) : this.row(set, id);
    if (!row) return odataError(404, '0x80040217', `${e.name} With Id = ${id} Does Not Exist`);
    return { status: 200, body: { '@odata.context': `${this.root}/$metadata#${set}/$entity`, ...present(row, cols, preferOf(req.headers).annotations) } };
  }

  private getMany(req: MockRequest, set: string): MockResponse {
    const e = ENTITIES[set];
    if (!e) return odataError(404, '0x8006088a', `Resource not found for the segment '${set}'.`);
    const q = req.url.searchParams;
    if (q.has('$skip')) return odataError(400, '0x80060888', 'The query parameter $skip is not supported.');
    const pref = preferOf(req.headers);
    const token = q.get('$skiptoken');
    if (token) {
      const paging = this.pagings.get(/pagingcookie="([^"]+)"/.exec(token)?.[1] ?? '');
      return paging ? this.page(set, paging, pref.track) : odataError(400, '0x80040203', 'Invalid $skiptoken.');
    }
    const delta = q.get('$deltatoken');
    if ((pref.track || delta) && !this.trackChanges.has(set)) return odataError(400, '0x80072491', `Entity '${e.name}' is not enabled for change tracking.`);
    if (delta && (!/^\d+$/.test(delta) || Number(delta) < this.deltaFloor)) return odataError(400, '0x80072492', 'The delta token has expired.');
    if (pref.track && (q.has('$filter') || q.has('$orderby')))
      return odataError(400, '0x80060888', '$filter and $orderby are not supported with change tracking.');
    const cols = selectOf(e, req.url);
    const test = filterOf(e, req.url);
    const order = orderOf(e, req.url);
    for (const x of [cols, test, order]) if (!Array.isArray(x) && typeof x !== 'function') return x as MockResponse;
    const since = delta ? Number(delta) : -1;
    const rows = [...this.tables.get(set)!.values()]
      .filter((r) => (r._v as number) > since && (test as (r: Row) => boolean)(r))
      .sort(order as (a: Row, b: Row) => number)
      .map((r) => present(r, cols as string[], pref.annotations));
    if (delta)
      for (const t of this.tombstones.filter((x) => x.set === set && x.v > since))
        rows.push({ '@odata.context': `${this.root}/$metadata#${set}/$deletedEntity`, id: t.id, reason: 'deleted' });
    const query = `$select=${q.get('$select') ?? ''}`;
    const paging: Paging = {
      rows,
      pos: 0,
      pageSize: pref.pageSize,
      query,
      ...(pref.track || delta ? { deltaLink: `${this.root}/${set}?${query}&$deltatoken=${this.version}` } : {}),
    };
    return this.page(set, paging, pref.track || !!delta);
  }

  private page(set: string, p: Paging, track: boolean): MockResponse {
    const value = p.rows.slice(p.pos, p.pos + p.pageSize);
    p.pos += value.length;
    const body: Row = { '@odata.context': `${this.root}/$metadata#${set}`, value };
    if (p.pos < p.rows.length) {
      const key = `k${this.pagings.size + 1}`;
      this.pagings.set(key, p);
      const cookie = `<cookie pagenumber="${Math.ceil(p.pos / p.pageSize) + 1}" pagingcookie="${key}" istracking="${track ? 'True' : 'False'}" />`;
      body['@odata.nextLink'] = `${this.root}/${set}?${p.query}&$skiptoken=${encodeURIComponent(cookie)}`;
    } else if (p.deltaLink) body['@odata.deltaLink'] = p.deltaLink;
    return { status: 200, headers: { 'preference-applied': `odata.maxpagesize=${p.pageSize}${track ? ',odata.track-changes' : ''}` }, body };
  }
}
