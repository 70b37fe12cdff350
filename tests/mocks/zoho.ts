/**
 * A Zoho CRM double: the accounts server and the API host of one data centre (China by default),
 * each on its own host. Imitates: Self Client code exchange and refresh (errors as HTTP 200 +
 * `error`, "Access Denied" when refreshing too often), 1-hour access tokens, the
 * `Zoho-oauthtoken` header (`Bearer` or another DC's host → 401 `INVALID_TOKEN`), API credits
 * (429 `TOO_MANY_REQUESTS`, `X-API-CREDITS-REMAINING` once half are used), and the records API
 * (tests/mocks/zoho-records.ts). Faults, latency and the request log come from MockBase.
 */
import type { SeedBook } from './crm-seed';
import { MockBase, mockFetch, type MockRequest, type MockResponse } from './harness';
import { routeRecords, type ZohoStore } from './zoho-records';
import { zohoRecords, type Rec } from './zoho-seed';

const DCS: Record<string, [accounts: string, api: string]> = {
  com: ['https://accounts.zoho.com', 'https://www.zohoapis.com'],
  eu: ['https://accounts.zoho.eu', 'https://www.zohoapis.eu'],
  'com.cn': ['https://accounts.zoho.com.cn', 'https://www.zohoapis.com.cn'],
};
export const zohoError = (status: number, code: string, message: string, details: Rec = {}): MockResponse => ({
  status,
  body: { code, details, message, status: 'error' },
});

export class ZohoMock extends MockBase implements ZohoStore {
  readonly accountsOrigin: string;
  readonly apiOrigin: string;
  readonly client = { id: '1000.TESTCLIENT0123456789', secret: 'self-client-secret' };
  readonly user = { id: '4876876000000400001', full_name: 'Li Wei', email: 'li.wei@example.cn' };
  readonly org = { id: '60012345678', company_name: 'Example Trading', iso_code: 'CNY' };
  readonly modules = new Map<string, Map<string, Rec>>();
  readonly deleted = new Map<string, Rec[]>();
  /** Records created through the API, in order. */
  readonly written: { module: string; id: string }[] = [];
  /** Custom fields an admin added to Accounts (writeScores). */
  accountFields: string[] = [];
  /** API credits per rolling day; `retryAfterS` is sent with the 429 when set. */
  credits = { limit: Number.POSITIVE_INFINITY, used: 0, retryAfterS: undefined as number | undefined };
  /** Whether list answers offer `next_page_token` (else only `page` works, up to 2,000 records). */
  pageTokens = true;
  private codes = new Map<string, number>();
  private tokens = new Map<string, number>();
  private refreshTokens = new Map<string, number[]>();
  private seq = 0;

  constructor(
    readonly dc = 'com.cn',
    readonly now: () => number = () => Date.now(),
    readonly offset = '+08:00',
  ) {
    super();
    [this.accountsOrigin, this.apiOrigin] = DCS[dc]!;
  }

  handle = (req: MockRequest): Promise<MockResponse> => this.serve(req, (r) => this.route(r));

  /** Answers every Zoho host: this DC's accounts and API hosts, and other DCs' (which know neither its codes nor its tokens). */
  fetch() {
    return mockFetch([{ match: (u) => /^https:\/\/(accounts\.zoho(cloud)?|www\.zohoapis)\.[a-z.]+$/.test(u.origin), handler: this.handle }]);
  }

  /** A Self Client grant code, valid for 3 minutes (what the rep copies from the API console). */
  issueCode(): string {
    const code = `1000.${(++this.seq).toString(16).padStart(32, 'a')}.${'c'.repeat(32)}`;
    this.codes.set(code, this.now() + 180_000);
    return code;
  }

  /** Every access token issued so far stops working (as after an hour). */
  expireTokens(): void {
    for (const t of this.tokens.keys()) this.tokens.set(t, 0);
  }

  /** The grant is revoked (the rep removed the Self Client, or an admin signed it out): access and refresh tokens stop working. */
  revokeTokens(): void {
    this.expireTokens();
    this.refreshTokens.clear();
  }

  seed(book: SeedBook): void {
    for (const { module, rec } of zohoRecords(book, this.offset, { name: this.user.full_name, id: this.user.id, email: this.user.email }))
      this.put(module, rec);
  }

  /** Zoho's time form in the org's offset. */
  time(ms = this.now()): string {
    const sign = this.offset.startsWith('-') ? -1 : 1;
    const [h, m] = this.offset.slice(1).split(':').map(Number) as [number, number];
    return new Date(ms + sign * (h * 60 + m) * 60_000).toISOString().replace(/\.\d{3}Z$/, this.offset);
  }

  put(module: string, rec: Rec): Rec {
    if (!this.modules.has(module)) this.modules.set(module, new Map());
    const prev = this.modules.get(module)!.get(rec.id as string);
    const next = { Created_Time: this.time(), ...prev, ...rec, Modified_Time: rec.Modified_Time ?? this.time() };
    this.modules.get(module)!.set(rec.id as string, next);
    return next;
  }

  edit(module: string, id: string, patch: Rec): void {
    if (!this.modules.get(module)?.has(id)) throw new Error(`ZohoMock.edit: no ${module}/${id}`);
    this.put(module, { ...patch, id, Modified_Time: patch.Modified_Time });
  }

  remove(module: string, id: string): void {
    const rec = this.modules.get(module)?.get(id);
    if (!rec) throw new Error(`ZohoMock.remove: no ${module}/${id}`);
    this.modules.get(module)!.delete(id);
    if (!this.deleted.has(module)) this.deleted.set(module, []);
    this.deleted.get(module)!.push({
      id,
      display_name: rec.Account_Name ?? rec.Subject ?? id,
      type: 'recycle',
      deleted_by: { name: this.user.full_name, id: this.user.id },
      deleted_time: this.time(),
    });
  }

  record(module: string, id: string): Rec | undefined {
    return this.modules.get(module)?.get(id);
  }

  /** Activities created through the API. */
  activities(): (Rec & { module: string })[] {
    return this.written.flatMap((w) => (this.record(w.module, w.id) ? [{ ...this.record(w.module, w.id)!, module: w.module }] : []));
  }

  newId(): string {
    return `4876876${String(900000000000 + ++this.seq)}`;
  }

  noteWritten(module: string, id: string): void {
    this.written.push({ module, id });
  }

  private route(req: MockRequest): MockResponse {
    if (req.url.hostname.startsWith('accounts.'))
      return req.url.origin === this.accountsOrigin
        ? this.token(req)
        : { status: 200, body: { error: req.url.pathname === '/oauth/v2/token' ? 'invalid_code' : 'invalid_request' } };
    const auth = /^Zoho-oauthtoken (\S+)$/.exec(req.headers['authorization'] ?? '');
    const live = auth && req.url.origin === this.apiOrigin && (this.tokens.get(auth[1]!) ?? 0) > this.now();
    if (!live) return zohoError(401, 'INVALID_TOKEN', 'invalid oauth token');
    if (this.credits.used >= this.credits.limit) {
      const res = zohoError(429, 'TOO_MANY_REQUESTS', 'too many requests. please try again after some time');
      return this.credits.retryAfterS ? { ...res, headers: { 'retry-after': String(this.credits.retryAfterS) } } : res;
    }
    this.credits.used++;
    const res = routeRecords(this, req);
    const left = this.credits.limit - this.credits.used;
    return Number.isFinite(left) && left <= this.credits.limit / 2 ? { ...res, headers: { ...res.headers, 'x-api-credits-remaining': String(left) } } : res;
  }

  private token(req: MockRequest): MockResponse {
    if (req.method !== 'POST' || req.url.pathname !== '/oauth/v2/token') return { status: 404, body: 'Not Found' };
    const f = new URLSearchParams(req.body);
    if (f.get('client_id') !== this.client.id || f.get('client_secret') !== this.client.secret) return { status: 200, body: { error: 'invalid_client' } };
    const access = (): Rec => {
      const t = `1000.${(++this.seq).toString(16).padStart(32, 'b')}.${'d'.repeat(32)}`;
      this.tokens.set(t, this.now() + 3_600_000);
      return { access_token: t, api_domain: this.apiOrigin, token_type: 'Bearer', expires_in: 3600 };
    };
    if (f.get('grant_type') === 'authorization_code') {
      const code = f.get('code') ?? '';
      if ((this.codes.get(code) ?? 0) <= this.now()) return { status: 200, body: { error: 'invalid_code' } };
      this.codes.delete(code);
      const refresh = `1000.${(++this.seq).toString(16).padStart(32, 'e')}.${'f'.repeat(32)}`;
      this.refreshTokens.set(refresh, []);
      return { status: 200, body: { ...access(), refresh_token: refresh } };
    }
    if (f.get('grant_type') === 'refresh_token') {
      const uses = this.refreshTokens.get(f.get('refresh_token') ?? '');
      if (!uses) return { status: 200, body: { error: 'invalid_code' } };
      const recent = uses.filter((t) => t > this.now() - 600_000);
      if (recent.length >= 10)
        return {
          status: 200,
          body: { error: 'Access Denied', error_description: 'You have made too many requests continuously. Please try again after some time.' },
        };
      this.refreshTokens.set(f.get('refresh_token')!, [...recent, this.now()]);
      return { status: 200, body: access() };
    }
    return { status: 200, body: { error: 'unsupported_grant_type' } };
  }
}
