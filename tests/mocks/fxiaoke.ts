/**
 * A Fxiaoke 纷享销客 OpenAPI double on open.fxiaoke.com. Imitates: app-credential tokens
 * (`/oauth2.0/token` and the legacy `/cgi/corpAccessToken/get/V2`: the same token for 6,600 s,
 * a new one after, dead after 7,200 s → errorCode 20016), both call styles (headers
 * `authorization`/`x-fs-ea`/`x-fs-userid` with a required `thirdTraceId`, or body tokens), HTTP
 * 200 envelopes, the 100-calls-per-20-s limit per interface (answered as an envelope code or as
 * HTTP 429), and the data endpoints (tests/mocks/fxiaoke-data.ts). Faults, latency and the
 * request log come from MockBase.
 */
import type { SeedBook } from './crm-seed';
import { byMobile, CODES, create, envelope, query, update, type FxStore } from './fxiaoke-data';
import { fxiaokeRecords, type Rec } from './fxiaoke-seed';
import { MockBase, mockFetch, type MockRequest, type MockResponse } from './harness';

export class FxiaokeMock extends MockBase implements FxStore {
  readonly origin = 'https://open.fxiaoke.com';
  readonly app = { appId: 'FSAID_1319a2b', appSecret: 'app-secret-0123456789abcdef', permanentCode: 'PERMANENT0123456789ABCDEF' };
  readonly ea = 'fs_example_ea';
  readonly employees = [
    { openUserId: 'FSUID_ADMIN0001', name: '管理员', mobile: '13900000000' },
    { openUserId: 'FSUID_REP000001', name: '王芳', mobile: '13800138000' },
  ];
  readonly objects = new Map<string, Map<string, Rec>>();
  readonly writtenIds: string[] = [];
  accountFields: string[] = [];
  /** How the per-interface limit answers: an envelope code on HTTP 200, or HTTP 429 with Retry-After. */
  limitAnswer: 'envelope' | 'http-429' = 'envelope';
  limit = { calls: 100, windowMs: 20_000 };
  private tokens: { token: string; issuedAt: number }[] = [];
  private hits = new Map<string, number[]>();
  private seq = 0;

  constructor(readonly now: () => number = () => Date.now()) {
    super();
  }

  handle = (req: MockRequest): Promise<MockResponse> => this.serve(req, (r) => this.route(r));

  fetch() {
    return mockFetch([{ match: (u) => u.origin === this.origin, handler: this.handle }]);
  }

  seed(book: SeedBook): void {
    for (const { obj, rec } of fxiaokeRecords(book, this.employees[0]!)) this.put(obj, rec);
  }

  put(obj: string, rec: Rec): Rec {
    if (!this.objects.has(obj)) this.objects.set(obj, new Map());
    const prev = this.objects.get(obj)!.get(rec._id as string);
    const next = { ...prev, ...rec, last_modified_time: rec.last_modified_time ?? this.now() };
    this.objects.get(obj)!.set(rec._id as string, next);
    return next;
  }

  /** Change a record "in the CRM" (its last_modified_time becomes now). */
  edit(obj: string, id: string, patch: Rec): void {
    if (!this.objects.get(obj)?.has(id)) throw new Error(`FxiaokeMock.edit: no ${obj}/${id}`);
    this.put(obj, { ...patch, _id: id, last_modified_time: undefined });
  }

  /** 作废: the record stays, marked invalid. */
  invalidate(obj: string, id: string): void {
    this.edit(obj, id, { life_status: 'invalid' });
  }

  record(obj: string, id: string): Rec | undefined {
    return this.objects.get(obj)?.get(id);
  }

  activities(): Rec[] {
    return this.writtenIds.map((id) => this.record('ActiveRecordObj', id)!).filter(Boolean);
  }

  newId(): string {
    return (0x6a1e0000 + ++this.seq).toString(16).padStart(24, '0');
  }

  noteWritten(id: string): void {
    this.writtenIds.push(id);
  }

  /** Every token issued so far is dead (as after 7,200 s). */
  expireTokens(): void {
    for (const t of this.tokens) t.issuedAt = -Infinity;
  }

  /** The admin resets the app's AppSecret: the old secret and every token issued with it stop working. */
  resetAppSecret(secret: string): void {
    this.app.appSecret = secret;
    this.expireTokens();
  }

  private token(): { token: string; expiresIn: number } {
    const t = this.now();
    let cur = this.tokens.at(-1);
    if (!cur || t - cur.issuedAt >= 6_600_000) {
      cur = { token: `T${(++this.seq).toString(16).padStart(31, '0')}`, issuedAt: t };
      this.tokens.push(cur);
    }
    return { token: cur.token, expiresIn: Math.round((cur.issuedAt + 7_200_000 - t) / 1000) };
  }

  private live(token: unknown): boolean {
    return this.tokens.some((x) => x.token === token && this.now() < x.issuedAt + 7_200_000);
  }

  private limited(path: string): MockResponse | undefined {
    const t = this.now();
    const calls = (this.hits.get(path) ?? []).filter((h) => h > t - this.limit.windowMs);
    calls.push(t);
    this.hits.set(path, calls);
    if (calls.length <= this.limit.calls) return undefined;
    if (this.limitAnswer === 'envelope') return envelope(CODES.limited, '接口调用频率超限');
    const retry = Math.ceil((calls[calls.length - this.limit.calls - 1]! + this.limit.windowMs - t) / 1000);
    return { ...envelope(CODES.limited, 'Too Many Requests'), status: 429, headers: { 'retry-after': String(Math.max(1, retry)) } };
  }

  private route(req: MockRequest): MockResponse {
    const path = req.url.pathname;
    if (req.method !== 'POST') return { status: 404, body: 'Not Found' };
    let body: Rec;
    try {
      body = JSON.parse(req.body || '{}') as Rec;
    } catch {
      return envelope(CODES.badParam, 'body is not JSON');
    }
    const over = this.limited(path);
    if (over) return over;
    if (path === '/oauth2.0/token' || path === '/cgi/corpAccessToken/get/V2') {
      const ok = body.appId === this.app.appId && body.appSecret === this.app.appSecret && body.permanentCode === this.app.permanentCode;
      if (!ok || (path === '/oauth2.0/token' && body.grantType !== 'app_secret')) return envelope(CODES.refused, 'app credentials refused');
      const { token, expiresIn } = this.token();
      return path === '/oauth2.0/token'
        ? envelope(0, 'success', { accessToken: token, expiresIn, appId: this.app.appId, ea: this.ea, openUserId: this.employees[0]!.openUserId })
        : envelope(0, 'success', { corpAccessToken: token, corpId: this.ea, expiresIn });
    }
    // New style: headers + thirdTraceId; legacy style: tokens in the body.
    const bearer = /^Bearer (\S+)$/.exec(req.headers['authorization'] ?? '')?.[1];
    const token = bearer ?? body.corpAccessToken;
    const ea = bearer ? req.headers['x-fs-ea'] : body.corpId;
    const user = bearer ? req.headers['x-fs-userid'] : body.currentOpenUserId;
    if (bearer && !req.url.searchParams.get('thirdTraceId')) return envelope(CODES.badParam, 'thirdTraceId is required');
    if (!this.live(token) || ea !== this.ea) return envelope(CODES.tokenExpired, 'corpAccessToken is invalid or expired');
    if (!this.employees.some((e) => e.openUserId === user)) return envelope(CODES.refused, 'unknown currentOpenUserId');
    if (path === '/cgi/user/getByMobile') return byMobile(this, body);
    if (path === '/cgi/crm/v2/data/query') return query(this, body);
    if (path === '/cgi/crm/v2/data/create') return create(this, body, String(user));
    if (path === '/cgi/crm/v2/data/update') return update(this, body);
    return { status: 404, body: 'Not Found' };
  }
}
