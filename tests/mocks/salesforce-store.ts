/**
 * The Salesforce mock's records: sObjects with Salesforce's field names, 18-character ids with
 * each object's key prefix, `SystemModstamp` from the mock clock, soft deletes with a
 * `MasterRecordId` for merges — and the seeding of canonical rows into those shapes.
 */
import { toId18 } from '../../lib/crm/salesforce/urls';
import type { SeedBook } from './crm-seed';

export type Row = Record<string, unknown>;

/** Fields each object has (relationship names resolve through the lookup that precedes them). */
export const FIELDS: Readonly<Record<string, readonly string[]>> = {
  Organization: ['Id', 'Name', 'DefaultCurrencyIsoCode'],
  User: ['Id', 'Name', 'Email', 'Username'],
  Account: ['Id', 'Name', 'Website', 'Industry', 'OwnerId', 'Owner.Name', 'CreatedDate', 'SystemModstamp', 'IsDeleted', 'MasterRecordId'],
  Contact: ['Id', 'AccountId', 'FirstName', 'LastName', 'Name', 'Title', 'Email', 'CreatedDate', 'SystemModstamp', 'IsDeleted', 'MasterRecordId'],
  OpportunityContactRole: ['Id', 'ContactId', 'OpportunityId', 'Role', 'IsPrimary', 'CreatedDate', 'SystemModstamp', 'IsDeleted'],
  Opportunity: [
    'Id',
    'AccountId',
    'Name',
    'Amount',
    'CloseDate',
    'StageName',
    'IsWon',
    'IsClosed',
    'CurrencyIsoCode',
    'CreatedDate',
    'SystemModstamp',
    'IsDeleted',
  ],
  Task: [
    'Id',
    'AccountId',
    'WhatId',
    'WhoId',
    'Who.Name',
    'OwnerId',
    'Subject',
    'Description',
    'ActivityDate',
    'Status',
    'Priority',
    'IsClosed',
    'TaskSubtype',
    'CallType',
    'CompletedDateTime',
    'CreatedDate',
    'SystemModstamp',
    'IsDeleted',
  ],
  Event: [
    'Id',
    'AccountId',
    'WhatId',
    'WhoId',
    'Who.Name',
    'Subject',
    'Description',
    'ActivityDate',
    'StartDateTime',
    'EndDateTime',
    'EventSubtype',
    'CreatedDate',
    'SystemModstamp',
    'IsDeleted',
  ],
  Case: ['Id', 'AccountId', 'Subject', 'Description', 'Status', 'Priority', 'Type', 'CreatedDate', 'ClosedDate', 'SystemModstamp', 'IsDeleted'],
};

const PREFIX: Readonly<Record<string, string>> = {
  Organization: '00D',
  User: '005',
  Account: '001',
  Contact: '003',
  OpportunityContactRole: '00K',
  Opportunity: '006',
  Task: '00T',
  Event: '00U',
  Case: '500',
};

/** Salesforce's date-time form: `2026-11-20T10:00:00.000+0000`. */
export const sfDateTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

export class SalesforceStore {
  readonly db = new Map<string, Map<string, Row>>(Object.keys(FIELDS).map((o) => [o, new Map()]));
  private seq = 0;
  private ticking = false;
  now: number;

  constructor(now: number) {
    this.now = now;
  }

  newId(sobject: string): string {
    const n = (++this.seq).toString(36).toUpperCase().padStart(7, '0');
    return toId18(`${PREFIX[sobject] ?? '000'}5e000${n}`);
  }

  table(sobject: string): Map<string, Row> {
    const t = this.db.get(sobject);
    if (!t) throw new Error(`mock has no ${sobject}`);
    return t;
  }

  /** Insert as the CRM would (stamps, derived fields); returns the new id. */
  insert(sobject: string, fields: Row): string {
    if (this.ticking) this.now += 1000;
    const id = typeof fields.Id === 'string' ? fields.Id : this.newId(sobject);
    if (this.table(sobject).has(id)) throw new Error(`${sobject} ${id} exists`);
    const stamp = sfDateTime(this.now);
    const row: Row = { CreatedDate: stamp, ...fields, Id: id, SystemModstamp: stamp, IsDeleted: false };
    if (sobject === 'Task' || sobject === 'Event') row.AccountId = this.accountOf(row);
    if (sobject === 'Task') row.IsClosed = row.Status === 'Completed';
    if (sobject === 'Contact' && row.Name === undefined) row.Name = [row.FirstName, row.LastName].filter(Boolean).join(' ');
    this.table(sobject).set(id, row);
    return id;
  }

  /** Change a record "in the CRM": its SystemModstamp moves to now. */
  edit(sobject: string, id: string, fields: Row): void {
    const row = this.table(sobject).get(id);
    if (!row || row.IsDeleted) throw new Error(`no live ${sobject} ${id}`);
    Object.assign(row, fields, { SystemModstamp: sfDateTime(this.now) });
    if (sobject === 'Task' || sobject === 'Event') row.AccountId = this.accountOf(row);
  }

  /** Delete (to the recycle bin): gone from `query`, listed by `deleted`, kept by `queryAll`. */
  remove(sobject: string, id: string, masterRecordId?: string): void {
    const row = this.table(sobject).get(id);
    if (!row) throw new Error(`no ${sobject} ${id}`);
    Object.assign(row, {
      IsDeleted: true,
      deletedAt: this.now,
      SystemModstamp: sfDateTime(this.now),
      ...(masterRecordId ? { MasterRecordId: masterRecordId } : {}),
    });
  }

  /** Merge `loser` into `master` (Account or Contact): the loser's children move, the loser is deleted with MasterRecordId. */
  merge(sobject: 'Account' | 'Contact', master: string, loser: string): void {
    const refs: [string, string][] =
      sobject === 'Account'
        ? [
            ['Contact', 'AccountId'],
            ['Opportunity', 'AccountId'],
            ['Case', 'AccountId'],
            ['Task', 'WhatId'],
            ['Event', 'WhatId'],
          ]
        : [
            ['OpportunityContactRole', 'ContactId'],
            ['Task', 'WhoId'],
            ['Event', 'WhoId'],
          ];
    for (const [child, ref] of refs)
      for (const row of this.table(child).values()) if (row[ref] === loser && !row.IsDeleted) this.edit(child, String(row.Id), { [ref]: master });
    this.remove(sobject, loser, master);
  }

  accountOf(row: Row): unknown {
    const what = typeof row.WhatId === 'string' ? row.WhatId : '';
    if (what.startsWith('001')) return what;
    if (what.startsWith('006')) return this.table('Opportunity').get(what)?.AccountId ?? null;
    const who = typeof row.WhoId === 'string' ? this.table('Contact').get(row.WhoId) : undefined;
    return who?.AccountId ?? null;
  }

  /** Canonical rows in Salesforce's shapes, stamped a second apart; returns canonical customer id → Account Id. */
  seed(book: SeedBook): Map<string, string> {
    this.ticking = true;
    try {
      return this.seedRows(book);
    } finally {
      this.ticking = false;
    }
  }

  private seedRows(book: SeedBook): Map<string, string> {
    const accounts = new Map<string, string>();
    for (const c of book.customers) {
      const ref = c.crmRefs.find((r) => r.crm === 'salesforce' && r.objectType === 'account')?.id;
      const id = this.insert('Account', {
        ...(ref ? { Id: ref } : {}),
        Name: c.name,
        Website: c.domain ?? null,
        Industry: c.segment ?? null,
        CreatedDate: `${c.createdAt}T09:00:00.000+0000`,
      });
      accounts.set(c.id, id);
    }
    const acc = (customerId: string): string => accounts.get(customerId) ?? this.insert('Account', { Name: customerId });
    const contactIds = new Map<string, string>();
    for (const k of book.contacts ?? []) {
      const [first, ...rest] = k.name.split(' ');
      const id = this.insert('Contact', {
        AccountId: acc(k.customerId),
        FirstName: first,
        LastName: rest.join(' ') || first,
        Title: k.role ?? null,
        Email: k.email ?? null,
      });
      contactIds.set(`${k.customerId}\u0000${k.name}`, id);
      if (k.isDecisionMaker) this.insert('OpportunityContactRole', { ContactId: id, OpportunityId: null, Role: 'Decision Maker', IsPrimary: false });
    }
    for (const t of book.transactions ?? [])
      this.insert('Opportunity', {
        AccountId: acc(t.customerId),
        Name: t.product ?? t.orderId ?? 'Opportunity',
        Amount: t.amount,
        CloseDate: t.date,
        StageName: 'Closed Won',
        IsWon: true,
        IsClosed: true,
        CurrencyIsoCode: t.currency ?? null,
      });
    for (const i of book.interactions ?? []) {
      const who = i.contact ? (contactIds.get(`${i.customerId}\u0000${i.contact}`) ?? null) : null;
      const subject = i.summary.length <= 255 ? i.summary : i.summary.slice(0, 80);
      const common = { WhatId: acc(i.customerId), WhoId: who, Subject: subject, Description: i.summary.length <= 255 ? null : i.summary, ActivityDate: i.date };
      if (i.channel === 'meeting' || i.channel === 'visit')
        this.insert('Event', { ...common, StartDateTime: `${i.date}T10:00:00.000+0000`, EventSubtype: 'Event' });
      else {
        const subtype = i.channel === 'call' ? 'Call' : i.channel === 'email' ? 'Email' : 'Task';
        const callType = i.channel === 'call' && i.direction ? (i.direction === 'inbound' ? 'Inbound' : 'Outbound') : null;
        this.insert('Task', { ...common, Status: 'Completed', Priority: 'Normal', TaskSubtype: subtype, CallType: callType });
      }
    }
    for (const f of book.feedback ?? [])
      if (f.kind === 'complaint')
        this.insert('Case', { AccountId: acc(f.customerId), Subject: f.comment ?? null, Status: 'New', CreatedDate: `${f.date}T09:00:00.000+0000` });
    return accounts;
  }
}
