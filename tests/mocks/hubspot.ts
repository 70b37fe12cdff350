/**
 * A HubSpot CRM API mock (docs/crm-apis/hubspot.md "What the mock imitates"): Bearer tokens
 * (revocable), v3 lists (limit ≤ 100, `after`, inline associations, archived lists), search
 * (filters, one sort, limit ≤ 200, 10,000-result cap, `total`, an indexing delay), v4
 * associations, engagement creation with association-type checks, batch read/update, string
 * property values, and the limits: a rolling ten-second bucket with X-HubSpot-RateLimit-*
 * headers, a per-second search bucket without them, a daily count reset at the portal's
 * midnight — each 429 with HubSpot's body and `policyName`. Every request takes `requestMs`.
 */
import { isoDateIn } from '../../lib/clock';
import { MockBase, type MockRequest, type MockResponse } from './harness';
import { HubspotStore, type HsRecord } from './hubspot-store';
import { hubspotError, hubspotObjects } from './hubspot-objects';

export interface HubspotMockOptions {
  now?: number;
  /** Mock time each request takes (sequential clients are paced by it). */
  requestMs?: number;
  tenSecondLimit?: number;
  searchPerSecond?: number;
  dailyLimit?: number;
  /** How long a created or changed object stays invisible to search. */
  searchLagMs?: number;
  /** Custom company properties an admin created (e.g. the Rapport score properties). */
  companyProperties?: string[];
}

const error = hubspotError;

export class HubspotMock extends MockBase {
  readonly portalId = 24_681_357;
  readonly timeZone = 'Europe/Berlin';
  readonly userId = 7_654_321;
  readonly store: HubspotStore;
  readonly requestMs: number;
  readonly searchLagMs: number;
  readonly companyProperties: string[];
  readonly created: { type: string; id: string }[] = [];
  private tokens = new Map<string, 'ok' | 'revoked'>();
  private window: number[] = [];
  private searches: number[] = [];
  private daily = { day: '', count: 0 };
  private readonly limits: { tenSecond: number; search: number; daily: number };
  private readonly objects: ReturnType<typeof hubspotObjects>;

  constructor(opts: HubspotMockOptions = {}) {
    super();
    this.store = new HubspotStore(opts.now ?? Date.parse('2026-11-20T09:00:00Z'));
    this.requestMs = opts.requestMs ?? 250;
    this.searchLagMs = opts.searchLagMs ?? 0;
    this.companyProperties = opts.companyProperties ?? [];
    this.limits = { tenSecond: opts.tenSecondLimit ?? 190, search: opts.searchPerSecond ?? 5, daily: opts.dailyLimit ?? 650_000 };
    this.objects = hubspotObjects(this);
  }

  get now(): number {
    return this.store.now;
  }
  advance(ms: number): void {
    this.store.now += ms;
  }

  /** Change a record "in the CRM" (its last-modified property moves to now). */
  edit(type: string, id: string, properties: Record<string, string | null>): void {
    this.store.edit(type, id, properties);
  }
  /** The engagements written through the API, in order. */
  activities(): { type: string; id: string; properties: Record<string, string | null> }[] {
    return this.created.map((c) => ({ ...c, properties: this.store.table(c.type).get(c.id)!.properties }));
  }

  newToken(): string {
    const token = `pat-na1-${(this.tokens.size + 1).toString().padStart(8, '0')}-1b2c-4d5e-8f90-0a1b2c3d4e5f`;
    this.tokens.set(token, 'ok');
    return token;
  }
  revokeTokens(): void {
    for (const t of this.tokens.keys()) this.tokens.set(t, 'revoked');
  }

  readonly handle = (req: MockRequest): Promise<MockResponse> => this.serve(req, (r) => this.withLimits(r));

  private withLimits(req: MockRequest): MockResponse {
    this.advance(this.requestMs);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (this.tokens.get(token) !== 'ok')
      return error(
        401,
        'INVALID_AUTHENTICATION',
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      );
    const today = isoDateIn(new Date(this.now), this.timeZone);
    if (this.daily.day !== today) this.daily = { day: today, count: 0 };
    if (this.daily.count >= this.limits.daily)
      return error(429, 'RATE_LIMITS', 'You have reached your daily limit.', { errorType: 'RATE_LIMIT', policyName: 'DAILY' });
    const path = req.url.pathname.replace(/^\/crm\/objects\/2026-03\//, '/crm/v3/objects/');
    if (req.method === 'POST' && /^\/crm\/v3\/objects\/\w+\/search$/.test(path)) {
      this.searches = this.searches.filter((t) => t > this.now - 1000);
      if (this.searches.length >= this.limits.search)
        return error(429, 'RATE_LIMITS', 'You have reached your secondly limit.', { errorType: 'RATE_LIMIT', policyName: 'SECONDLY' });
      this.searches.push(this.now);
      this.daily.count++;
      return this.objects.route(req.method, path, req);
    }
    this.window = this.window.filter((t) => t > this.now - 10_000);
    const headers = (): Record<string, string> => ({
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-max': String(this.limits.tenSecond),
      'x-hubspot-ratelimit-remaining': String(Math.max(0, this.limits.tenSecond - this.window.length)),
      'x-hubspot-ratelimit-daily': String(this.limits.daily),
      'x-hubspot-ratelimit-daily-remaining': String(Math.max(0, this.limits.daily - this.daily.count)),
    });
    if (this.window.length >= this.limits.tenSecond)
      return {
        ...error(429, 'RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.', { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' }),
        headers: headers(),
      };
    this.window.push(this.now);
    this.daily.count++;
    const res = this.route(req, path);
    return { ...res, headers: { ...res.headers, ...headers() } };
  }

  private route(req: MockRequest, path: string): MockResponse {
    if (req.method === 'GET' && path === '/account-info/v3/details')
      return {
        status: 200,
        body: {
          portalId: this.portalId,
          accountType: 'STANDARD',
          timeZone: this.timeZone,
          companyCurrency: 'EUR',
          utcOffset: '+01:00',
          uiDomain: 'app-eu1.hubspot.com',
          dataHostingLocation: 'eu1',
        },
      };
    if (req.method === 'POST' && path === '/oauth/v2/private-apps/get/access-token-info')
      return {
        status: 200,
        body: { userId: this.userId, hubId: this.portalId, appId: 3_141_592, scopes: ['crm.objects.companies.read', 'crm.objects.contacts.read'] },
      };
    return this.objects.route(req.method, path, req);
  }

  /** An object as the API shows it: the asked-for properties plus the ones every object returns. */
  view(rec: HsRecord, properties: readonly string[]): Record<string, unknown> {
    const props: Record<string, string | null> = {};
    for (const p of ['hs_object_id', 'createdate', 'hs_lastmodifieddate', ...properties]) if (p in rec.properties) props[p] = rec.properties[p] ?? null;
    return {
      id: rec.id,
      properties: props,
      createdAt: new Date(rec.createdAt).toISOString(),
      updatedAt: new Date(rec.updatedAt).toISOString(),
      archived: rec.archived,
      ...(rec.archivedAt !== undefined ? { archivedAt: new Date(rec.archivedAt).toISOString() } : {}),
    };
  }
}
