/**
 * A Salesforce REST API mock (docs/crm-apis/salesforce.md "What the mock imitates"): the
 * session as `Bearer <orgId>!<token>` on the My Domain host only, SOQL query / queryAll with
 * batches and single-host `nextRecordsUrl` locators that expire, getDeleted's 15-day window,
 * Task creation, composite updates, error arrays, `Sforce-Limit-Info` on every answer and the
 * daily allocation's 403 REQUEST_LIMIT_EXCEEDED (no Retry-After) until the clock moves on.
 */
import { MockBase, type MockRequest, type MockResponse } from './harness';
import { compare, parseSoql, SoqlError, test, type Soql } from './salesforce-soql';
import { FIELDS, SalesforceStore, sfDateTime, type Row } from './salesforce-store';

export { sfDateTime } from './salesforce-store';

const DATA = '/services/data/v66.0';
const DAY = 86_400_000;
const err = (status: number, errorCode: string, message: string, fields?: string[]): MockResponse => ({
  status,
  body: [{ message, errorCode, ...(fields ? { fields } : {}) }],
});

export interface SalesforceMockOptions {
  /** My Domain name: the API answers on `<instance>.my.salesforce.com`. */
  instance?: string;
  now?: number;
  /** Records per query batch (Salesforce: up to 2,000, sometimes fewer). */
  batchSize?: number;
  /** The org's rolling 24-hour API allocation. */
  dailyLimit?: number;
  /** Fields this org lacks, as `Object.Field` (e.g. `Opportunity.CurrencyIsoCode` in a single-currency org). */
  absentFields?: string[];
  /** Custom Account fields an admin created (e.g. the Rapport score fields). */
  accountFields?: string[];
  locatorTtlMs?: number;
}

export class SalesforceMock extends MockBase {
  readonly host: string;
  readonly orgId = '00D5e000000RpQaEAK';
  readonly userId: string;
  readonly store: SalesforceStore;
  /** Tasks created through the API, in order. */
  readonly created: string[] = [];
  batchSize: number;
  dailyLimit: number;
  private readonly absent: Set<string>;
  private readonly extraAccountFields: string[];
  private readonly locatorTtlMs: number;
  private sessions = new Set<string>();
  private usage: number[] = [];
  private locators = new Map<string, { rows: Row[]; totalSize: number; expires: number }>();
  private locatorSeq = 0;

  constructor(opts: SalesforceMockOptions = {}) {
    super();
    this.host = `${opts.instance ?? 'acme'}.my.salesforce.com`;
    this.store = new SalesforceStore(opts.now ?? Date.parse('2026-11-20T09:00:00Z'));
    this.batchSize = opts.batchSize ?? 2000;
    this.dailyLimit = opts.dailyLimit ?? 15_000;
    this.absent = new Set(opts.absentFields ?? []);
    this.extraAccountFields = opts.accountFields ?? [];
    this.locatorTtlMs = opts.locatorTtlMs ?? 15 * 60_000;
    this.store.insert('Organization', { Id: this.orgId, Name: 'Acme Corp', DefaultCurrencyIsoCode: 'USD' });
    this.userId = this.store.insert('User', { Name: 'Alex Kim', Email: 'alex.kim@acme.example', Username: 'alex.kim@acme.example' });
  }

  get now(): number {
    return this.store.now;
  }
  advance(ms: number): void {
    this.store.now += ms;
  }

  /** Change a record "in the CRM" (its SystemModstamp moves to now). */
  edit(sobject: string, id: string, fields: Record<string, unknown>): void {
    this.store.edit(sobject, id, fields);
  }
  /** The Tasks written through the API, in order. */
  activities(): Record<string, unknown>[] {
    return this.created.map((id) => this.store.table('Task').get(id)!);
  }

  /** A valid session id, as the `sid` cookie of the My Domain host holds it. */
  newSession(): string {
    const sid = `${this.orgId.slice(0, 15)}!AQ8AQ${(this.sessions.size + 1).toString().padStart(6, '0')}.mockSessionToken`;
    this.sessions.add(sid);
    return sid;
  }
  /** Every session times out (the org's inactivity timeout, or a logout). */
  expireSessions(): void {
    this.sessions.clear();
  }

  readonly handle = (req: MockRequest): Promise<MockResponse> => this.serve(req, (r) => this.withLimits(r));

  private withLimits(req: MockRequest): MockResponse {
    const path = req.url.pathname;
    if (req.method === 'GET' && (path === '/services/data' || path === '/services/data/'))
      return { status: 200, body: [{ label: "Spring '26", url: DATA, version: '66.0' }] };
    const sid = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (req.url.hostname !== this.host) return err(401, 'INVALID_SESSION_ID', 'This session is not valid for use with the REST API');
    if (!sid || !this.sessions.has(sid)) return err(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    this.usage = this.usage.filter((t) => t > this.now - DAY);
    const info = (): Record<string, string> => ({ 'sforce-limit-info': `api-usage=${this.usage.length}/${this.dailyLimit}` });
    if (this.usage.length >= this.dailyLimit) return { ...err(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'), headers: info() };
    this.usage.push(this.now);
    const res = this.route(req);
    return { ...res, headers: { ...res.headers, ...info() } };
  }

  private route(req: MockRequest): MockResponse {
    const p = req.url.pathname;
    if (!p.startsWith(`${DATA}/`)) return err(404, 'NOT_FOUND', 'The requested resource does not exist');
    const rest = p.slice(DATA.length);
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && rest === '/chatter/users/me') {
      const u = this.store.table('User').get(this.userId)!;
      return { status: 200, body: { id: this.userId, name: u.Name, email: u.Email, username: u.Username, type: 'User' } };
    }
    if (req.method === 'GET' && (rest === '/query' || rest === '/queryAll')) return this.query(req.url.searchParams.get('q') ?? '', rest === '/queryAll');
    if (req.method === 'GET' && (m = /^\/query(?:All)?\/(01g[A-Za-z0-9]+)-(\d+)$/.exec(rest))) return this.more(m[1]!, Number(m[2]));
    if (req.method === 'GET' && (m = /^\/sobjects\/(\w+)\/deleted\/?$/.exec(rest))) return this.deleted(m[1]!, req.url.searchParams);
    if (req.method === 'POST' && rest === '/sobjects/Task') return this.createTask(req.body);
    if (req.method === 'PATCH' && rest === '/composite/sobjects') return this.updateMany(req.body);
    return err(404, 'NOT_FOUND', 'The requested resource does not exist');
  }

  private fieldsOf(sobject: string): string[] {
    const extra = sobject === 'Account' ? this.extraAccountFields : [];
    return [...(FIELDS[sobject] ?? []), ...extra].filter((f) => !this.absent.has(`${sobject}.${f}`));
  }

  private query(q: string, all: boolean): MockResponse {
    let soql: Soql;
    try {
      soql = parseSoql(q);
      if (!FIELDS[soql.from]) throw new SoqlError('INVALID_TYPE', `sObject type '${soql.from}' is not supported.`);
      const known = this.fieldsOf(soql.from);
      for (const f of [...soql.fields, ...soql.where.map((c) => c.field), ...(soql.orderBy ? [soql.orderBy.field] : [])])
        if (!known.includes(f)) throw new SoqlError('INVALID_FIELD', `No such column '${f}' on entity '${soql.from}'.`);
    } catch (e) {
      if (e instanceof SoqlError) return err(400, e.errorCode, e.message);
      throw e;
    }
    let rows = [...this.store.table(soql.from).values()].filter((r) => (all || !r.IsDeleted) && soql.where.every((c) => test(this.value(r, c.field), c)));
    if (soql.orderBy) {
      const { field, desc } = soql.orderBy;
      rows.sort((a, b) => compare(this.value(a, field), this.value(b, field)) * (desc ? -1 : 1));
    }
    if (soql.limit !== undefined) rows = rows.slice(0, soql.limit);
    if (soql.count) return { status: 200, body: { totalSize: rows.length, done: true, records: [] } };
    const shaped = rows.map((r) => this.shape(soql.from, r, soql.fields));
    const locator = `01g5e00000${(++this.locatorSeq).toString().padStart(5, '0')}`;
    this.locators.set(locator, { rows: shaped, totalSize: shaped.length, expires: this.now + this.locatorTtlMs });
    return this.more(locator, 0);
  }

  private more(locator: string, offset: number): MockResponse {
    const l = this.locators.get(locator);
    if (!l || l.expires < this.now) return err(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    const records = l.rows.slice(offset, offset + this.batchSize);
    const done = offset + records.length >= l.rows.length;
    return {
      status: 200,
      body: { totalSize: l.totalSize, done, ...(done ? {} : { nextRecordsUrl: `${DATA}/query/${locator}-${offset + records.length}` }), records },
    };
  }

  /** A field's value, following `Rel.Field` through the lookup `RelId`. */
  private value(r: Row, field: string): unknown {
    const [rel, f] = field.split('.');
    if (!f) return r[field];
    const target = this.related(r, rel!);
    return target ? target[f] : null;
  }

  private related(r: Row, rel: string): Row | undefined {
    const id = r[`${rel}Id`];
    if (typeof id !== 'string') return undefined;
    for (const t of ['User', 'Contact', 'Account']) {
      const row = this.store.table(t).get(id);
      if (row) return row;
    }
    return undefined;
  }

  private shape(sobject: string, r: Row, fields: string[]): Row {
    const out: Row = { attributes: { type: sobject, url: `${DATA}/sobjects/${sobject}/${String(r.Id)}` } };
    for (const f of fields) {
      const [rel, sub] = f.split('.');
      if (!sub) out[f] = r[f] ?? null;
      else {
        const target = this.related(r, rel!);
        out[rel!] = target ? { ...((out[rel!] as Row | null) ?? { attributes: { type: 'Name' } }), [sub]: target[sub] ?? null } : null;
      }
    }
    return out;
  }

  private deleted(sobject: string, params: URLSearchParams): MockResponse {
    if (!FIELDS[sobject]) return err(404, 'NOT_FOUND', `The requested resource does not exist`);
    const start = Date.parse(params.get('start') ?? '');
    const end = Date.parse(params.get('end') ?? '');
    if (Number.isNaN(start) || Number.isNaN(end) || end < start)
      return err(400, 'INVALID_REPLICATION_DATE', 'start and end must be date-times, start before end');
    if (start < this.now - 15 * DAY) return err(400, 'INVALID_REPLICATION_DATE', 'startDate cannot be more than 15 days ago');
    const rows = [...this.store.table(sobject).values()].filter((r) => r.IsDeleted && (r.deletedAt as number) >= start && (r.deletedAt as number) <= end);
    return {
      status: 200,
      body: {
        deletedRecords: rows.map((r) => ({ id: r.Id, deletedDate: sfDateTime(r.deletedAt as number) })),
        earliestDateAvailable: sfDateTime(this.now - 15 * DAY),
        latestDateCovered: sfDateTime(Math.min(end, this.now)),
      },
    };
  }

  private createTask(body: string): MockResponse {
    let task: Row;
    try {
      task = JSON.parse(body) as Row;
    } catch {
      return err(400, 'JSON_PARSER_ERROR', 'Unexpected character');
    }
    const writable = this.fieldsOf('Task').filter(
      (f) => !['Id', 'AccountId', 'Who.Name', 'IsClosed', 'CreatedDate', 'SystemModstamp', 'IsDeleted'].includes(f),
    );
    for (const f of Object.keys(task)) if (!writable.includes(f)) return err(400, 'INVALID_FIELD', `No such column '${f}' on sobject of type Task`, [f]);
    for (const [f, table] of [
      ['WhatId', ['Account', 'Opportunity']],
      ['WhoId', ['Contact']],
    ] as const)
      if (task[f] != null && !table.some((t) => this.store.table(t).get(String(task[f]))?.IsDeleted === false))
        return err(400, 'INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [f]);
    if (task.ActivityDate != null && !/^\d{4}-\d{2}-\d{2}$/.test(String(task.ActivityDate)))
      return err(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of date', ['ActivityDate']);
    if (task.TaskSubtype != null && !['Task', 'Email', 'List Email', 'Cadence', 'Call', 'LinkedIn'].includes(String(task.TaskSubtype)))
      return err(400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'bad value for restricted picklist field', ['TaskSubtype']);
    const closed = task.Status === 'Completed';
    const id = this.store.insert('Task', {
      Priority: 'Normal',
      Status: 'Not Started',
      ...task,
      OwnerId: this.userId,
      CompletedDateTime: closed ? sfDateTime(this.now) : null,
    });
    this.created.push(id);
    return { status: 201, body: { id, success: true, errors: [] } };
  }

  private updateMany(body: string): MockResponse {
    const { records } = JSON.parse(body) as { records: Row[] };
    if (!Array.isArray(records) || records.length > 200) return err(400, 'INVALID_BATCH_SIZE', 'between 1 and 200 records');
    return {
      status: 200,
      body: records.map((r) => {
        const { attributes, id, ...fields } = r as { attributes?: { type?: string }; id?: string } & Row;
        const type = attributes?.type ?? '';
        const row = FIELDS[type] ? this.store.table(type).get(String(id)) : undefined;
        if (!row || row.IsDeleted) return { id, success: false, errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }] };
        const unknown = Object.keys(fields).filter((f) => !this.fieldsOf(type).includes(f));
        if (unknown.length)
          return { id, success: false, errors: [{ statusCode: 'INVALID_FIELD', message: `No such column '${unknown[0]}'`, fields: unknown }] };
        this.store.edit(type, String(id), fields);
        return { id, success: true, errors: [] };
      }),
    };
  }
}
