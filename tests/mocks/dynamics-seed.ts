/**
 * Canonical rows → Dataverse rows for the Dynamics mock: customers → accounts, contacts →
 * contacts (decision makers as contact role 1), transactions → won opportunities with their
 * currency, interactions → completed phone calls / appointments / tasks regarding the account,
 * complaints → cases. Timestamps are UTC at 10:00 on the row's day.
 */
import { crmIdOf, hashHex, type SeedBook } from './crm-seed';
import type { Row } from './dynamics-odata';

/** A GUID derived from a string. */
export const fakeGuid = (s: string): string => {
  const h = hashHex(s, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};

export const at10 = (day: string): string => `${day}T10:00:00Z`;
const firstLine = (s: string): string => s.split('\n', 1)[0]!.slice(0, 200);

export interface SeededRow {
  set: string;
  row: Row;
}

export function dynamicsRows(book: SeedBook, currencyId: (code: string) => string): SeededRow[] {
  const out: SeededRow[] = [];
  const accountOf = new Map<string, string>();
  for (const c of book.customers) {
    const id = crmIdOf(c, 'dynamics', (x) => fakeGuid(`account:${x}`));
    accountOf.set(c.id, id);
    out.push({
      set: 'accounts',
      row: {
        accountid: id,
        name: c.name,
        createdon: at10(c.createdAt),
        websiteurl: c.domain ? `https://www.${c.domain}` : null,
        emailaddress1: c.emails[0] ?? null,
        _ownerid_value: fakeGuid(`user:${c.owner ?? 'owner'}`),
        _ownername: c.owner ?? 'Sales Rep',
        _tables: { _ownerid_value: 'systemuser' },
        merged: false,
        statecode: 0,
      },
    });
  }
  const account = (customerId: string): string | undefined => accountOf.get(customerId);
  for (const p of book.contacts ?? []) {
    const acc = account(p.customerId);
    if (!acc) continue;
    out.push({
      set: 'contacts',
      row: {
        contactid: fakeGuid(`contact:${p.id}`),
        fullname: p.name,
        jobtitle: p.role ?? null,
        emailaddress1: p.email ?? null,
        accountrolecode: p.isDecisionMaker ? 1 : 2,
        _parentcustomerid_value: acc,
        _tables: { _parentcustomerid_value: 'account' },
      },
    });
  }
  for (const t of book.transactions ?? []) {
    const acc = account(t.customerId);
    if (!acc) continue;
    out.push({
      set: 'opportunities',
      row: {
        opportunityid: fakeGuid(`opportunity:${t.id}`),
        name: t.product ?? `Order ${t.orderId ?? t.id}`,
        statecode: 1,
        statuscode: 3,
        actualvalue: t.amount,
        estimatedvalue: t.amount,
        actualclosedate: t.date,
        _parentaccountid_value: acc,
        _customerid_value: acc,
        _transactioncurrencyid_value: currencyId(t.currency ?? 'USD'),
        _tables: { _parentaccountid_value: 'account', _customerid_value: 'account', _transactioncurrencyid_value: 'transactioncurrency' },
        createdon: at10(t.date),
      },
    });
  }
  for (const i of book.interactions ?? []) {
    const acc = account(i.customerId);
    if (!acc) continue;
    const set = i.channel === 'call' ? 'phonecalls' : i.channel === 'meeting' || i.channel === 'visit' ? 'appointments' : 'tasks';
    out.push({
      set,
      row: {
        activityid: fakeGuid(`activity:${i.id}`),
        subject: firstLine(i.summary) || i.channel,
        description: i.summary,
        actualend: at10(i.date),
        scheduledend: at10(i.date),
        createdon: at10(i.date),
        statecode: 1,
        statuscode: set === 'phonecalls' ? 2 : set === 'tasks' ? 5 : 3,
        ...(set === 'phonecalls' ? { directioncode: i.direction !== 'inbound' } : {}),
        _regardingobjectid_value: acc,
        _tables: { _regardingobjectid_value: 'account' },
      },
    });
  }
  for (const f of book.feedback ?? []) {
    const acc = account(f.customerId);
    if (!acc || f.kind !== 'complaint') continue;
    out.push({
      set: 'incidents',
      row: {
        incidentid: fakeGuid(`incident:${f.id}`),
        title: firstLine(f.comment ?? '') || 'Complaint',
        description: f.comment ?? null,
        ticketnumber: `CAS-${hashHex(f.id, 5).toUpperCase()}`,
        createdon: at10(f.date),
        casetypecode: 2,
        statecode: 0,
        _customerid_value: acc,
        _tables: { _customerid_value: 'account' },
      },
    });
  }
  return out;
}
