/**
 * `readChanges` for Pipedrive: API v2 lists (organizations, persons, won deals, done activities;
 * `limit` 500, `cursor` / `next_cursor`, `updated_since` after the first pass), v1 notes
 * (`start` / `limit`, `next_start`), and deals deleted since the last pass (`status=deleted`,
 * kept 30 days) — docs/crm-apis/pipedrive.md "Reading".
 */
import { keyInText } from '../../sync/activity-key';
import { BatchCollector, type RowKind } from '../../sync/rows';
import { ConnectorError, type ChangeBatch, type Connection, type ConnectorContext, type RecordKey, type SyncCursor } from '../../sync/types';
import { pdRequest } from './connector-http';
import { mapActivity, mapDeal, mapNote, mapOrganization, mapPerson, noteKey, type PdRecord } from './connector-map';

/** Changes are asked for from this long before the last pass began (clock skew with Pipedrive). */
export const OVERLAP_MS = 60 * 60_000;
const LIMIT = 500;

interface Phase {
  name: string;
  /** v2 list path and fixed filters, or v1 notes. */
  path: string;
  filters: Record<string, string>;
  v1?: boolean;
  objectType: RecordKey['objectType'];
  kind: RowKind | 'deleted';
  map(r: PdRecord, env: { currency?: string }): unknown;
  keyOf?: (r: PdRecord) => string;
}

const PHASES: readonly Phase[] = [
  { name: 'organizations', path: '/api/v2/organizations', filters: {}, objectType: 'account', kind: 'customers', map: mapOrganization },
  { name: 'persons', path: '/api/v2/persons', filters: {}, objectType: 'contact', kind: 'contacts', map: mapPerson },
  {
    name: 'deals',
    path: '/api/v2/deals',
    filters: { status: 'won' },
    objectType: 'transaction',
    kind: 'transactions',
    map: (d, env) => mapDeal(d, env.currency),
  },
  { name: 'activities', path: '/api/v2/activities', filters: { done: 'true' }, objectType: 'activity', kind: 'interactions', map: mapActivity },
  { name: 'notes', path: '/api/v1/notes', filters: { sort: 'id ASC' }, v1: true, objectType: 'activity', kind: 'interactions', map: mapNote, keyOf: noteKey },
  { name: 'deleted-deals', path: '/api/v2/deals', filters: { status: 'deleted' }, objectType: 'transaction', kind: 'deleted', map: () => undefined },
];

interface PdState {
  phase: string | null;
  /** v2 `next_cursor` / v1 `next_start` within the phase. */
  page: string | null;
  passStart: string | null;
  /** RFC 3339: changes from here on the next passes (null until a first pass completed). */
  since: string | null;
}

function stateOf(cursor: SyncCursor | null): PdState {
  const s: PdState = { phase: null, page: null, passStart: null, since: null };
  for (const [k, v] of Object.entries(cursor ?? {})) if (k in s && (typeof v === 'string' || v === null)) (s as unknown as Record<string, unknown>)[k] = v;
  if (s.phase !== null && !PHASES.some((p) => p.name === s.phase))
    throw new ConnectorError('rejected', `Pipedrive cursor: unknown phase ${s.phase.slice(0, 40)}`);
  return s;
}

const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** v1's `updated_since` form. */
const v1Time = (iso: string): string => iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');

async function page(p: Phase, s: PdState, conn: Connection, ctx: ConnectorContext): Promise<{ rows: PdRecord[]; next: string | null }> {
  const q = new URLSearchParams({ ...p.filters, limit: String(LIMIT) });
  if (s.since) q.set('updated_since', p.v1 ? v1Time(s.since) : s.since);
  if (s.page) q.set(p.v1 ? 'start' : 'cursor', s.page);
  const { body } = await pdRequest<PdRecord[] | null>(ctx, conn, `${p.path}?${q}`);
  const more = body.additional_data;
  const next = p.v1 ? (more?.pagination?.more_items_in_collection ? String(more.pagination.next_start) : null) : (more?.next_cursor ?? null);
  return { rows: body.data ?? [], next };
}

export async function* readPipedrive(conn: Connection, cursor: SyncCursor | null, ctx: ConnectorContext): AsyncGenerator<ChangeBatch, void, void> {
  const s = stateOf(cursor);
  const now = ctx.now();
  if (!s.phase) Object.assign(s, { phase: PHASES[0]!.name, page: null, passStart: rfc3339(now) });
  const env = { currency: conn.auth.currency };
  const b = new BatchCollector();
  for (const p of PHASES.slice(PHASES.findIndex((x) => x.name === s.phase))) {
    if (s.phase !== p.name) Object.assign(s, { phase: p.name, page: null });
    if (p.kind === 'deleted' && !s.since) continue;
    do {
      const { rows, next } = await page(p, s, conn, ctx);
      b.seen(rows.length);
      for (const r of rows) {
        const key: RecordKey = { objectType: p.objectType, id: p.keyOf ? p.keyOf(r) : String(r.id) };
        if (p.kind === 'deleted' || r.is_deleted === true) b.deleted(key);
        else {
          b.add(p.kind, key, () => p.map(r, env) as never);
          if (p.kind === 'interactions') b.tagged(keyInText(r.note ?? r.content), key.id);
        }
      }
      s.page = next;
      yield b.take({ ...s });
    } while (s.page);
  }
  Object.assign(s, { phase: null, page: null, since: rfc3339(Date.parse(s.passStart!) - OVERLAP_MS), passStart: null });
  yield b.take({ ...s });
}
