/**
 * `readChanges` for Salesforce: the phases of connector-phases.ts page by page, then deletions
 * (`sobjects/<Object>/deleted`) and merges (`queryAll` rows with a `MasterRecordId`).
 */
import { BatchCollector } from '../../sync/rows';
import { ConnectorError, type ChangeBatch, type Connection, type ConnectorContext, type RecordKey, type SyncCursor } from '../../sync/types';
import { isExpiredLocator, isInvalidField, SF_DATA, sfRequest } from './connector-http';
import { PHASES, phaseSoql, type Phase, type PhaseEnv, type SfState } from './connector-phases';
import { queryAll, queryPages, soqlDateTime, type QueryPage } from './connector-soql';

/**
 * Records stamped this long before a pass began cannot change any more without a newer stamp, so
 * the next pass need not read their second again (allows for that much clock skew with the org).
 */
export const SETTLED_MS = 60 * 60_000;

/** Salesforce keeps deleted-record ids for 15 days; ask a minute less to stay inside the window. */
export const DELETED_WINDOW_MS = 15 * 86_400_000 - 60_000;

const DELETABLE: readonly [string, RecordKey['objectType']][] = [
  ['Account', 'account'],
  ['Contact', 'contact'],
  ['Opportunity', 'transaction'],
  ['Task', 'activity'],
  ['Event', 'activity'],
  ['Case', 'feedback'],
];

function stateOf(cursor: SyncCursor | null): SfState {
  const s: SfState = { phase: null, passStart: null, deletedSince: null, eventsThrough: null, currency: null, lean: '' };
  if (!cursor) return s;
  for (const [k, v] of Object.entries(cursor)) if (typeof v === 'string' || v === null) (s as unknown as Record<string, string | null>)[k] = v;
  if (s.phase !== null && !PHASES.some((p) => p.name === s.phase))
    throw new ConnectorError('rejected', `Salesforce cursor: unknown phase ${s.phase.slice(0, 40)}`);
  return s;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Salesforce date-times end in `+0000`; read them as epoch ms (NaN when unreadable). */
export const sfTime = (v: string): number => Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

/** Pages of a phase: drops optional fields the org lacks, and re-queries from the watermark when a locator expired. */
async function* phasePages(p: Phase, env: PhaseEnv, where: () => string[]): AsyncGenerator<QueryPage, void, void> {
  let restartedAt: string | null | undefined;
  for (;;) {
    try {
      yield* queryPages(env.ctx, env.conn, phaseSoql(p, env, where()));
      return;
    } catch (e) {
      const lean = env.state.lean.split(',').includes(p.name);
      const watermark = env.state[`w.${p.name}`];
      if (isInvalidField(e) && p.optional?.length && !lean) env.state.lean = [env.state.lean, p.name].filter(Boolean).join(',');
      // Re-query only when the watermark moved since the last restart, or this would never end.
      else if (isExpiredLocator(e) && p.watermark && watermark !== restartedAt) restartedAt = watermark;
      else throw e;
    }
  }
}

async function countAll(env: PhaseEnv, from: number): Promise<number> {
  let total = 0;
  for (const p of PHASES.slice(from)) {
    const where = p.where(env);
    if (!where) continue;
    const { body } = await sfRequest<{ totalSize: number }>(
      env.ctx,
      env.conn,
      `${SF_DATA}/query?q=${encodeURIComponent(`SELECT COUNT() FROM ${p.sobject}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`)}`,
    );
    total += body.totalSize;
  }
  return total;
}

async function orgCurrency(env: PhaseEnv): Promise<string | null> {
  const [org] = await queryAll(env.ctx, env.conn, 'SELECT DefaultCurrencyIsoCode FROM Organization');
  return typeof org?.DefaultCurrencyIsoCode === 'string' ? org.DefaultCurrencyIsoCode : null;
}

/** Deleted and merged records between `deletedSince` and now. */
async function deletions(env: PhaseEnv, b: BatchCollector): Promise<void> {
  const now = env.ctx.now();
  const start = Math.max(Date.parse(env.state.deletedSince!), now - DELETED_WINDOW_MS);
  const window = `start=${encodeURIComponent(iso(start))}&end=${encodeURIComponent(iso(now))}`;
  const merged = new Set<string>();
  for (const [sobject, objectType] of [
    ['Account', 'account'],
    ['Contact', 'contact'],
  ] as const) {
    const rows = await queryAll(
      env.ctx,
      env.conn,
      `SELECT Id, MasterRecordId FROM ${sobject} WHERE IsDeleted = true AND MasterRecordId != null AND SystemModstamp >= ${soqlDateTime(start)}`,
      { all: true },
    );
    for (const r of rows) {
      merged.add(String(r.Id));
      b.merged({ objectType, from: String(r.Id), into: String(r.MasterRecordId) });
    }
  }
  for (const [sobject, objectType] of DELETABLE) {
    const { body } = await sfRequest<{ deletedRecords?: { id: string }[] }>(env.ctx, env.conn, `${SF_DATA}/sobjects/${sobject}/deleted/?${window}`);
    for (const d of body.deletedRecords ?? []) if (!merged.has(d.id)) b.deleted({ objectType, id: d.id });
  }
}

export async function* readSalesforce(conn: Connection, cursor: SyncCursor | null, ctx: ConnectorContext): AsyncGenerator<ChangeBatch, void, void> {
  const state = stateOf(cursor);
  const now = ctx.now();
  const env: PhaseEnv = { conn, ctx, state, today: iso(now).slice(0, 10), events: new Set() };
  const firstPass = !state.deletedSince;
  if (!state.phase) Object.assign(state, { phase: PHASES[0]!.name, passStart: iso(now) });
  if (!state.currency) state.currency = await orgCurrency(env);
  const from = PHASES.findIndex((p) => p.name === state.phase);
  const total = firstPass ? await countAll(env, from) : undefined;
  const b = new BatchCollector();

  for (const p of PHASES.slice(from)) {
    state.phase = p.name;
    if (!p.where(env)) continue;
    for await (const page of phasePages(p, env, () => p.where(env) ?? [])) {
      b.seen(page.records.length);
      await p.handle(page.records, b, env);
      const last = page.records.at(-1)?.SystemModstamp;
      if (p.watermark && typeof last === 'string' && !Number.isNaN(sfTime(last))) state[`w.${p.name}`] = iso(sfTime(last));
      yield b.take({ ...state }, total);
    }
  }

  if (state.deletedSince) await deletions(env, b);
  const settled = Date.parse(state.passStart!) - SETTLED_MS;
  for (const p of PHASES) {
    const w = state[`w.${p.name}`];
    if (p.watermark && (!w || Date.parse(w) < settled)) state[`w.${p.name}`] = iso(settled);
  }
  Object.assign(state, { phase: null, deletedSince: state.passStart, passStart: null, eventsThrough: env.today });
  yield b.take({ ...state }, total);
}
