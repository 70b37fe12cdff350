/**
 * readChanges for Zoho CRM: each module in turn, `per_page=200` sorted by `Modified_Time`,
 * `page=1,2,…` until Zoho offers a `next_page_token` (it must be used past 2,000 records), then
 * `page_token`; `info.more_records` says when to stop. Incremental reads send the last
 * `Modified_Time` seen as `If-Modified-Since`; deletions since the last pass come from
 * `GET /{Module}/deleted?type=all` with the same header.
 *
 * Cursor: `phase` (0–6 reading the modules, 7–13 their deletions), `page`/`token` inside a
 * module, `m:<Module>` (last Modified_Time read) and `d:<Module>` (last deletion time read).
 */
import { keyInText } from '../../sync/activity-key';
import { ParentIndex } from '../../sync/parents';
import { BatchCollector, idOf } from '../../sync/rows';
import type { ChangeBatch, Connection, ConnectorContext, RecordKey, SyncCursor } from '../../sync/types';
import { PER_PAGE, zohoApi, zohoTime, type ZohoApi } from './connector-http';
import * as map from './connector-map';

export const MODULES = ['Accounts', 'Contacts', 'Deals', 'Calls', 'Events', 'Tasks', 'Cases'] as const;
type Module = (typeof MODULES)[number];
const OBJECT: Record<Module, RecordKey['objectType']> = {
  Accounts: 'account',
  Contacts: 'contact',
  Deals: 'transaction',
  Calls: 'activity',
  Events: 'activity',
  Tasks: 'activity',
  Cases: 'feedback',
};
const PHASES = MODULES.length * 2;

interface Page {
  data?: map.Rec[];
  info?: { more_records?: boolean; next_page_token?: string | null };
}

const later = (a: string | undefined, b: unknown): string | undefined =>
  typeof b === 'string' && !Number.isNaN(Date.parse(b)) && (!a || Date.parse(b) > Date.parse(a)) ? b : a;

const parentIndex = (api: ZohoApi): ParentIndex => {
  const accountOf = (module: string) => async (id: string) =>
    map.lookupId((await api.get<Page>(`${module}/${id}?fields=Account_Name`))?.data?.[0]?.Account_Name);
  return new ParentIndex('Accounts', { Deals: accountOf('Deals'), Contacts: accountOf('Contacts') });
};

interface Pass {
  col: BatchCollector;
  parents: ParentIndex;
  incremental: boolean;
  now: number;
  currency: () => Promise<string | undefined>;
}

async function mapPage(module: Module, rows: map.Rec[], p: Pass): Promise<void> {
  const { col, parents } = p;
  if (module === 'Calls' || module === 'Events' || module === 'Tasks') await parents.prefetch(rows.map(map.activityRef));
  const currency = module === 'Deals' ? await p.currency() : undefined;
  for (const r of rows) {
    const key: RecordKey = { objectType: OBJECT[module], id: typeof r.id === 'string' ? r.id : '' };
    try {
      const id = idOf(r.id, 'id');
      const gone = (): void => (p.incremental ? col.deleted({ objectType: OBJECT[module], id }) : undefined);
      if (module === 'Accounts') col.add('customers', key, () => map.toCustomer(r));
      else if (module === 'Contacts') {
        const account = map.lookupId(r.Account_Name);
        parents.note('Contacts', id, account);
        if (account) col.add('contacts', key, () => map.toContact(r, account));
      } else if (module === 'Deals') {
        const account = map.lookupId(r.Account_Name);
        parents.note('Deals', id, account);
        if (!map.isWon(r)) gone();
        else if (account) col.add('transactions', key, () => map.toTransaction(r, account, currency));
      } else if (module === 'Cases') {
        const account = map.lookupId(r.Account_Name);
        if (account && map.isComplaint(r)) col.add('feedback', key, () => map.toFeedback(r, account));
      } else if (!map.happened(module, r, p.now)) gone();
      else {
        const account = parents.accountOf(map.activityRef(r));
        if (account) {
          col.add('interactions', key, () => map.toInteraction(module, r, account));
          col.tagged(keyInText(module === 'Events' ? r.Event_Title : r.Subject), id);
        }
      }
    } catch (e) {
      col.skip(key, e instanceof Error && e.name === 'MalformedRecord' ? e.message : 'unreadable record');
    }
  }
}

export async function* readZoho(conn: Connection, cursor: SyncCursor | null, ctx: ConnectorContext): AsyncGenerator<ChangeBatch, void, void> {
  const api = zohoApi(conn, ctx);
  let cur: SyncCursor = { phase: 0, page: 1, token: null, ...cursor };
  const passStart = zohoTime(ctx.now() - 10 * 60_000);
  let currency: Promise<string | undefined> | undefined;
  const p: Pass = {
    col: new BatchCollector(),
    parents: parentIndex(api),
    incremental: false,
    now: ctx.now(),
    currency: () =>
      (currency ??= api.get<{ org?: map.Rec[] }>('org').then((b) => {
        const iso = b?.org?.[0]?.iso_code;
        return typeof iso === 'string' && /^[A-Z]{3}$/.test(iso) ? iso : undefined;
      })),
  };
  const first = typeof cur.phase === 'number' && cur.phase < PHASES ? cur.phase : 0;
  for (let phase = first; phase < PHASES; phase++) {
    const module = MODULES[phase % MODULES.length]!;
    const deletions = phase >= MODULES.length;
    const key = `${deletions ? 'd' : 'm'}:${module}`;
    const since = typeof cur[key] === 'string' ? (cur[key] as string) : undefined;
    let page = phase === first && typeof cur.page === 'number' ? cur.page : 1;
    let token = phase === first && typeof cur.token === 'string' ? cur.token : undefined;
    p.incremental = since !== undefined;
    if (deletions && since === undefined) {
      // First pass: nothing of ours can have been deleted yet; deletions count from now on.
      cur = { ...cur, [key]: passStart };
      if (phase === PHASES - 1) yield p.col.take({ ...cur, phase: 0, page: 1, token: null });
      continue;
    }
    let latest = since;
    for (;;) {
      const path = deletions
        ? `${module}/deleted?type=all&per_page=${PER_PAGE}&page=${page}`
        : `${module}?fields=${map.FIELDS[module]}&per_page=${PER_PAGE}&sort_by=Modified_Time&sort_order=asc&${token ? `page_token=${encodeURIComponent(token)}` : `page=${page}`}`;
      const body = await api.get<Page>(path, since);
      const rows = body?.data ?? [];
      p.col.seen(rows.length);
      if (!deletions) await mapPage(module, rows, p);
      else
        for (const r of rows) {
          if (typeof r.id === 'string') p.col.deleted({ objectType: OBJECT[module], id: r.id });
          else p.col.skip({ objectType: OBJECT[module], id: '' }, 'id: missing id');
        }
      for (const r of rows) latest = later(latest, deletions ? r.deleted_time : r.Modified_Time);
      const more = body?.info?.more_records === true && rows.length > 0;
      const next = body?.info?.next_page_token;
      if (more) [token, page] = deletions || !next ? [undefined, page + 1] : [next, page + 1];
      const done = !more;
      cur = {
        ...cur,
        phase: done ? (phase + 1) % PHASES : phase,
        page: done ? 1 : page,
        token: done ? null : (token ?? null),
        [key]: done ? (latest ?? passStart) : (since ?? null),
      };
      yield p.col.take(cur);
      if (done) break;
    }
  }
}
