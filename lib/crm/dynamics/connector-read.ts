/**
 * readChanges for Dynamics: each table in turn, paged with `Prefer: odata.maxpagesize` and
 * `@odata.nextLink`. Change tracking (`Prefer: odata.track-changes`) gives a delta link per
 * table whose next read returns only changes and `$deletedEntity` entries; a table without
 * change tracking enabled is read by `modifiedon ge <last seen>` instead (no deletions then).
 *
 * Cursor: `phase` (table index), `next` (the next link inside that table), `d:<set>` (delta
 * link) or `m:<set>` (modifiedon marker, '' = this table is read by date, nothing seen yet).
 */
import { keyInText } from '../../sync/activity-key';
import type { ParentIndex } from '../../sync/parents';
import { BatchCollector } from '../../sync/rows';
import { ConnectorError, type ChangeBatch, type Connection, type ConnectorContext, type RecordKey, type SyncCursor } from '../../sync/types';
import { dataverse, type Dataverse, type DataversePage } from './connector-http';
import * as map from './connector-map';
import { accountIndex, accountOfContact, accountOfOpportunity } from './connector-parents';

interface Table {
  set: string;
  idField: string;
  objectType: RecordKey['objectType'];
  select: string;
}

const ACTIVITY = 'activityid,subject,description,actualend,scheduledend,createdon,modifiedon,statecode,_regardingobjectid_value';
export const TABLES: readonly Table[] = [
  {
    set: 'accounts',
    idField: 'accountid',
    objectType: 'account',
    select: 'accountid,name,createdon,modifiedon,websiteurl,emailaddress1,_ownerid_value,merged,_masterid_value',
  },
  {
    set: 'contacts',
    idField: 'contactid',
    objectType: 'contact',
    select: 'contactid,fullname,jobtitle,emailaddress1,accountrolecode,_parentcustomerid_value,modifiedon',
  },
  {
    set: 'opportunities',
    idField: 'opportunityid',
    objectType: 'transaction',
    select:
      'opportunityid,name,statecode,actualvalue,estimatedvalue,actualclosedate,estimatedclosedate,_parentaccountid_value,_customerid_value,_transactioncurrencyid_value,modifiedon',
  },
  { set: 'phonecalls', idField: 'activityid', objectType: 'activity', select: `${ACTIVITY},directioncode` },
  { set: 'appointments', idField: 'activityid', objectType: 'activity', select: ACTIVITY },
  { set: 'tasks', idField: 'activityid', objectType: 'activity', select: ACTIVITY },
  {
    set: 'incidents',
    idField: 'incidentid',
    objectType: 'feedback',
    select: 'incidentid,title,description,createdon,modifiedon,casetypecode,_customerid_value',
  },
];

const fullUrl = (t: Table): string => `${t.set}?$select=${t.select}`;
const sinceUrl = (t: Table, since: string): string =>
  `${t.set}?$select=${t.select}${since ? `&$filter=modifiedon ge ${since}` : ''}&$orderby=modifiedon asc,${t.idField} asc`;

async function currencies(api: Dataverse): Promise<Map<string, string>> {
  const page = await api.get<DataversePage<map.Row>>('transactioncurrencies?$select=transactioncurrencyid,isocurrencycode');
  return new Map(page.value.flatMap((c) => (typeof c.isocurrencycode === 'string' ? [[map.guid(c.transactioncurrencyid, 'id'), c.isocurrencycode]] : [])));
}

interface Pass {
  col: BatchCollector;
  parents: ParentIndex;
  currencies: Map<string, string>;
  incremental: boolean;
}

/** The RecordKey of a row (its id as read, for naming a skipped record). */
const keyOf = (t: Table, r: map.Row): RecordKey => ({
  objectType: t.objectType,
  id: typeof r[t.idField] === 'string' ? String(r[t.idField]).toLowerCase() : '',
});

function mapRow(t: Table, r: map.Row, p: Pass): void {
  const { col, parents } = p;
  if (map.isDeletedEntry(r)) return col.deleted(map.deletedKey(r, t.objectType));
  const gone = (id: string): void => (p.incremental ? col.deleted({ objectType: t.objectType, id }) : undefined);
  const key = keyOf(t, r);
  switch (t.set) {
    case 'accounts': {
      const into = map.mergedInto(r);
      if (into) return col.merged({ objectType: 'account', from: map.guid(r.accountid, 'accountid'), into });
      return col.add('customers', key, () => map.toCustomer(r));
    }
    case 'contacts': {
      const account = accountOfContact(r);
      parents.note('contact', map.guid(r.contactid, 'contactid'), account);
      if (account) col.add('contacts', key, () => map.toContact(r, account));
      return;
    }
    case 'opportunities': {
      const id = map.guid(r.opportunityid, 'opportunityid');
      const account = accountOfOpportunity(r);
      parents.note('opportunity', id, account);
      if (!map.isWon(r)) return gone(id);
      if (account) col.add('transactions', key, () => map.toTransaction(r, account, p.currencies));
      return;
    }
    case 'incidents': {
      const account = parents.accountOf(map.lookup(r, 'customerid'));
      if (account && map.isComplaint(r)) col.add('feedback', key, () => map.toFeedback(r, account));
      return;
    }
    default: {
      if (!map.isCompleted(r)) return gone(map.guid(r.activityid, 'activityid'));
      const account = parents.accountOf(map.lookup(r, 'regardingobjectid'));
      if (account) {
        col.add('interactions', key, () => map.toInteraction(r, t.set, account));
        col.tagged(keyInText(r.description), key.id);
      }
    }
  }
}

const isRejected = (e: unknown): boolean => e instanceof ConnectorError && e.code === 'rejected' && e.status === 400;

export async function* readDynamics(conn: Connection, cursor: SyncCursor | null, ctx: ConnectorContext): AsyncGenerator<ChangeBatch, void, void> {
  const api = dataverse(new URL(conn.apiBase).origin, ctx);
  let cur: SyncCursor = { phase: 0, next: null, ...cursor };
  const start = typeof cur.phase === 'number' && cur.phase < TABLES.length ? cur.phase : 0;
  const p: Pass = { col: new BatchCollector(), parents: accountIndex(api), currencies: new Map(), incremental: false };
  for (let i = start; i < TABLES.length; i++) {
    const t = TABLES[i]!;
    if (t.set === 'opportunities') p.currencies = await currencies(api);
    const delta = typeof cur[`d:${t.set}`] === 'string' ? (cur[`d:${t.set}`] as string) : undefined;
    const since = typeof cur[`m:${t.set}`] === 'string' ? (cur[`m:${t.set}`] as string) : undefined;
    let mode: 'delta' | 'date' = since === undefined ? 'delta' : 'date';
    p.incremental = delta !== undefined || !!since;
    let url: string | undefined = i === start && typeof cur.next === 'string' ? cur.next : (delta ?? (mode === 'date' ? sinceUrl(t, since!) : fullUrl(t)));
    let latest = since ?? '';
    let first = true;
    while (url) {
      let page: DataversePage<map.Row>;
      try {
        page = await api.get<DataversePage<map.Row>>(url, { trackChanges: mode === 'delta' });
      } catch (e) {
        if (!first || !isRejected(e) || mode === 'date') throw e;
        // An expired delta token: read the table whole again; no change tracking: read it by date.
        if (url === delta) url = fullUrl(t);
        else [mode, url] = ['date', sinceUrl(t, '')];
        p.incremental = false;
        first = false;
        continue;
      }
      first = false;
      p.col.seen(page.value.length);
      await p.parents.prefetch(page.value.map((r) => map.lookup(r, t.set === 'incidents' ? 'customerid' : 'regardingobjectid')));
      for (const r of page.value) {
        try {
          mapRow(t, r, p);
        } catch (e) {
          p.col.skip(keyOf(t, r), e instanceof Error && e.name === 'MalformedRecord' ? e.message : 'unreadable record');
        }
        if (typeof r.modifiedon === 'string' && r.modifiedon > latest) latest = r.modifiedon;
      }
      const next = page['@odata.nextLink'];
      url = next;
      const done = !next;
      cur = {
        ...cur,
        phase: done ? (i + 1) % TABLES.length : i,
        next: next ?? null,
        [`d:${t.set}`]: mode === 'delta' ? (page['@odata.deltaLink'] ?? delta ?? null) : null,
        [`m:${t.set}`]: mode === 'date' ? (done ? latest : (since ?? '')) : null,
      };
      yield p.col.take(cur);
    }
  }
}
