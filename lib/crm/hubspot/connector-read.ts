/**
 * `readChanges` for HubSpot. A first pass lists every object type (`GET /crm/v3/objects/{type}`,
 * 100 a page, `after` cursor, companies inline). Later passes search each type by its
 * last-modified property, sorted ascending, paged by value (`GTE` the last value read, skipping
 * the ones already read at that value) — offsets shift when records change mid-read and stop at
 * 10,000 — with companies from the v4 association batch read. Deletions come from the archived
 * lists, merges from `hs_merged_object_ids` (docs/crm-apis/hubspot.md "Reading").
 */
import { BatchCollector, type RowKind } from '../../sync/rows';
import { ConnectorError, type ChangeBatch, type Connection, type ConnectorContext, type SyncCursor } from '../../sync/types';
import { hsRequest, type HsObject, type HsPage } from './connector-http';
import { HS_TYPES, hsTime, mapObject, TYPES, type HsType } from './connector-map';

/** Search sees changes after an indexing delay, and clocks differ: each pass re-reads this much. */
export const SEARCH_OVERLAP_MS = 60 * 60_000;
const LIST_LIMIT = 100;
const SEARCH_LIMIT = 200;

type Phase = HsType | 'meetings-due';
const PHASES: readonly Phase[] = [...HS_TYPES, 'meetings-due'];

interface HsState {
  phase: Phase | null;
  /** List `after` token (first pass). */
  after: string | null;
  /** Search: last value read (ms) and how many records at that value were read. */
  mid: string | null;
  tie: number;
  passStart: string | null;
  /** Changes from here (ms) on the next passes; null until a first pass completed. */
  since: string | null;
  deletedSince: string | null;
  /** Meetings dated up to here (ms) were read; later ones are read when their time has come. */
  eventsThrough: string | null;
}

function stateOf(cursor: SyncCursor | null): HsState {
  const s: HsState = { phase: null, after: null, mid: null, tie: 0, passStart: null, since: null, deletedSince: null, eventsThrough: null };
  for (const [k, v] of Object.entries(cursor ?? {})) if (k in s) (s as unknown as Record<string, unknown>)[k] = v;
  if (s.phase !== null && !PHASES.includes(s.phase)) throw new ConnectorError('rejected', `HubSpot cursor: unknown phase ${String(s.phase).slice(0, 40)}`);
  return s;
}

interface Env {
  conn: Connection;
  ctx: ConnectorContext;
  s: HsState;
  /** Meetings read as changed in this run, not to be sent again as due. */
  meetings: Set<string>;
}

/** The associated company of each object: the primary one when labelled, else the first. */
async function companiesOf(env: Env, type: HsType, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (type === 'companies' || !ids.length) return out;
  const { body } = await hsRequest<{
    results?: { from: { id: string }; to: { toObjectId: number | string; associationTypes?: { label?: string | null }[] }[] }[];
  }>(env.ctx, env.conn, `/crm/v4/associations/${type}/companies/batch/read`, { method: 'POST', json: { inputs: ids.map((id) => ({ id })) } });
  for (const r of body.results ?? []) {
    const primary = r.to.find((t) => t.associationTypes?.some((a) => a.label === 'Primary')) ?? r.to[0];
    if (primary) out.set(String(r.from.id), String(primary.toObjectId));
  }
  return out;
}

const inlineCompany = (o: HsObject): string | undefined => {
  const list = o.associations?.companies?.results ?? [];
  return (list.find((a) => !a.type.endsWith('_unlabeled')) ?? list[0])?.id;
};

function addAll(env: Env, type: HsType, objects: HsObject[], companies: Map<string, string> | null, b: BatchCollector): void {
  const mapEnv = { now: env.ctx.now(), currency: env.conn.auth.currency };
  b.seen(objects.length);
  for (const o of objects) {
    const m = mapObject(type, o, companies ? companies.get(o.id) : inlineCompany(o), mapEnv);
    if (m) {
      b.add(TYPES[type].kind as RowKind, m.key, m.row as () => never);
      b.tagged(m.tag, o.id);
    }
    if (type === 'companies' || type === 'contacts')
      for (const from of (o.properties.hs_merged_object_ids ?? '').split(';').filter(Boolean))
        b.merged({ objectType: type === 'companies' ? 'account' : 'contact', from, into: o.id });
  }
}

async function listPage(env: Env, type: HsType): Promise<HsObject[]> {
  const q = new URLSearchParams({ limit: String(LIST_LIMIT), archived: 'false', properties: TYPES[type].properties.join(',') });
  if (type !== 'companies') q.set('associations', 'companies');
  if (env.s.after) q.set('after', env.s.after);
  const { body } = await hsRequest<HsPage>(env.ctx, env.conn, `/crm/v3/objects/${type}?${q}`);
  env.s.after = body.paging?.next?.after ?? null;
  return body.results;
}

async function searchPage(env: Env, phase: Phase): Promise<{ objects: HsObject[]; more: boolean }> {
  const type: HsType = phase === 'meetings-due' ? 'meetings' : phase;
  const key = phase === 'meetings-due' ? 'hs_timestamp' : TYPES[type].modified;
  const from = env.s.mid ?? (phase === 'meetings-due' ? String(Number(env.s.eventsThrough) + 1) : env.s.since!);
  const filters = [{ propertyName: key, operator: 'GTE', value: from }];
  if (phase === 'meetings-due') filters.push({ propertyName: key, operator: 'LTE', value: String(env.ctx.now()) });
  if (type === 'deals') filters.push({ propertyName: 'hs_is_closed_won', operator: 'EQ', value: 'true' });
  const { body } = await hsRequest<HsPage>(env.ctx, env.conn, `/crm/v3/objects/${type}/search`, {
    method: 'POST',
    json: {
      filterGroups: [{ filters }],
      sorts: [{ propertyName: key, direction: 'ASCENDING' }],
      properties: [...TYPES[type].properties, key],
      limit: SEARCH_LIMIT,
      after: String(env.s.mid ? env.s.tie : 0),
    },
  });
  const objects = body.results;
  const last = objects.at(-1);
  if (last) {
    const value = String(hsTime(last.properties[key]));
    const atValue = objects.filter((o) => String(hsTime(o.properties[key])) === value).length;
    env.s.tie = value === env.s.mid ? env.s.tie + atValue : atValue;
    env.s.mid = value;
  }
  return { objects, more: !!body.paging?.next };
}

/** Archived since `deletedSince`, except records merged away (reported as merges). */
async function deletions(env: Env, b: BatchCollector, merged: ReadonlySet<string>): Promise<void> {
  const since = Date.parse(env.s.deletedSince!);
  for (const type of HS_TYPES) {
    let after: string | undefined;
    do {
      const q = new URLSearchParams({ limit: String(LIST_LIMIT), archived: 'true', ...(after ? { after } : {}) });
      const { body } = await hsRequest<HsPage>(env.ctx, env.conn, `/crm/v3/objects/${type}?${q}`);
      for (const o of body.results)
        if (Date.parse(o.archivedAt ?? '') >= since && !merged.has(o.id)) b.deleted({ objectType: TYPES[type].objectType, id: o.id });
      after = body.paging?.next?.after;
    } while (after);
  }
}

export async function* readHubspot(conn: Connection, cursor: SyncCursor | null, ctx: ConnectorContext): AsyncGenerator<ChangeBatch, void, void> {
  const s = stateOf(cursor);
  const env: Env = { conn, ctx, s, meetings: new Set() };
  const now = ctx.now();
  if (!s.phase) Object.assign(s, { phase: PHASES[0], after: null, mid: null, tie: 0, passStart: new Date(now).toISOString() });
  const b = new BatchCollector();
  const mergedFrom = new Set<string>();
  for (const phase of PHASES.slice(PHASES.indexOf(s.phase!))) {
    if (s.phase !== phase) Object.assign(s, { phase, after: null, mid: null, tie: 0 });
    const type: HsType = phase === 'meetings-due' ? 'meetings' : phase;
    if (!s.since && phase === 'meetings-due') continue;
    for (let more = true; more;) {
      if (s.since) {
        const page = await searchPage(env, phase);
        const objects = phase === 'meetings-due' ? page.objects.filter((o) => !env.meetings.has(o.id)) : page.objects;
        if (phase === 'meetings') for (const o of objects) env.meetings.add(o.id);
        const companies = await companiesOf(
          env,
          type,
          objects.map((o) => o.id),
        );
        addAll(env, type, objects, companies, b);
        more = page.more;
      } else {
        addAll(env, type, await listPage(env, type), null, b);
        more = s.after !== null;
      }
      const batch = b.take({ ...s });
      for (const m of batch.merged) mergedFrom.add(m.from);
      yield batch;
    }
  }
  if (s.deletedSince) await deletions(env, b, mergedFrom);
  const passStart = Date.parse(s.passStart!);
  Object.assign(s, {
    phase: null,
    after: null,
    mid: null,
    tie: 0,
    since: String(passStart - SEARCH_OVERLAP_MS),
    deletedSince: s.passStart,
    passStart: null,
    eventsThrough: String(now),
  });
  yield b.take({ ...s });
}
