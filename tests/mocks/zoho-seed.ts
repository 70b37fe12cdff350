/**
 * Canonical rows → Zoho CRM records for the Zoho mock: customers → Accounts, contacts →
 * Contacts, transactions → Deals at "Closed Won", interactions → Calls (call), Events (meeting,
 * visit) or completed Tasks (the rest) linked by `What_Id` + `$se_module`, complaints → Cases.
 * Times are 10:00 on the row's day in the org's time zone offset.
 */
import { crmIdOf, hashDigits, type SeedBook } from './crm-seed';

export type Rec = Record<string, unknown>;
export const zohoIdFor = (s: string): string => `4876876${hashDigits(s, 12)}`;

export function zohoRecords(book: SeedBook, offset: string, owner: Rec): { module: string; rec: Rec }[] {
  const at = (day: string, h = 10): string => `${day}T${String(h).padStart(2, '0')}:00:00${offset}`;
  const out: { module: string; rec: Rec }[] = [];
  const accounts = new Map<string, { id: string; name: string }>();
  for (const c of book.customers) {
    const id = crmIdOf(c, 'zoho', (x) => zohoIdFor(`account:${x}`));
    accounts.set(c.id, { id, name: c.name });
    const time = at(c.createdAt);
    out.push({
      module: 'Accounts',
      rec: {
        id,
        Account_Name: c.name,
        Website: c.domain ? `www.${c.domain}` : null,
        Owner: { ...owner, name: c.owner ?? owner.name },
        Created_Time: time,
        Modified_Time: time,
      },
    });
  }
  for (const p of book.contacts ?? []) {
    const acc = accounts.get(p.customerId);
    if (!acc) continue;
    const [first, ...last] = p.name.split(' ');
    out.push({
      module: 'Contacts',
      rec: {
        id: zohoIdFor(`contact:${p.id}`),
        Full_Name: p.name,
        First_Name: first,
        Last_Name: last.join(' ') || first,
        Email: p.email ?? null,
        Title: p.role ?? null,
        Account_Name: acc,
      },
    });
  }
  for (const t of book.transactions ?? []) {
    const acc = accounts.get(t.customerId);
    if (!acc) continue;
    out.push({
      module: 'Deals',
      rec: {
        id: zohoIdFor(`deal:${t.id}`),
        Deal_Name: t.product ?? `Order ${t.orderId ?? t.id}`,
        Amount: t.amount,
        ...(t.currency ? { Currency: t.currency } : {}),
        Closing_Date: t.date,
        Stage: 'Closed Won',
        Probability: 100,
        Account_Name: acc,
        Modified_Time: at(t.date, 11),
      },
    });
  }
  for (const i of book.interactions ?? []) {
    const acc = accounts.get(i.customerId);
    if (!acc) continue;
    const link = { What_Id: acc, $se_module: 'Accounts', Description: i.summary, Modified_Time: at(i.date, 11) };
    const subject = i.summary.split('\n', 1)[0]!.slice(0, 200) || i.channel;
    const id = zohoIdFor(`activity:${i.id}`);
    if (i.channel === 'call')
      out.push({
        module: 'Calls',
        rec: {
          id,
          Subject: subject,
          Call_Type: i.direction === 'inbound' ? 'Inbound' : 'Outbound',
          Call_Start_Time: at(i.date),
          Call_Duration: '05:00',
          Call_Status: 'Completed',
          ...link,
        },
      });
    else if (i.channel === 'meeting' || i.channel === 'visit')
      out.push({ module: 'Events', rec: { id, Event_Title: subject, Start_DateTime: at(i.date), End_DateTime: at(i.date, 11), ...link } });
    else out.push({ module: 'Tasks', rec: { id, Subject: subject, Status: 'Completed', Due_Date: i.date, Closed_Time: at(i.date), ...link } });
  }
  for (const f of book.feedback ?? []) {
    const acc = accounts.get(f.customerId);
    if (!acc || f.kind !== 'complaint') continue;
    out.push({
      module: 'Cases',
      rec: {
        id: zohoIdFor(`case:${f.id}`),
        Subject: (f.comment ?? '').split('\n', 1)[0]!.slice(0, 200) || 'Complaint',
        Description: f.comment ?? null,
        Type: 'Problem',
        Status: 'Closed',
        Account_Name: acc,
        Created_Time: at(f.date),
        Modified_Time: at(f.date),
      },
    });
  }
  return out;
}
