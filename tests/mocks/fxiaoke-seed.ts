/**
 * Canonical rows → Fxiaoke records for the Fxiaoke mock: customers → 客户 AccountObj, contacts →
 * 联系人 ContactObj, transactions → 销售订单 SalesOrderObj, interactions → 销售记录
 * ActiveRecordObj (type label per channel). Feedback has no object here (the cases object of
 * Fxiaoke is not documented). Times are epoch ms at 10:00 China Standard Time on the row's day.
 */
import { crmIdOf, hashHex, type SeedBook } from './crm-seed';

export type Rec = Record<string, unknown>;
export const fxIdFor = (s: string): string => hashHex(s, 24);
export const cstMs = (day: string, hour = 10): number => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
export const TYPE_LABEL: Record<string, string> = { call: '电话', visit: '拜访', meeting: '会议', email: '邮件', chat: '微信', other: '其他' };

export function fxiaokeRecords(book: SeedBook, owner: { openUserId: string; name: string }): { obj: string; rec: Rec }[] {
  const out: { obj: string; rec: Rec }[] = [];
  const accounts = new Map<string, { id: string; name: string }>();
  const base = (created: number): Rec => ({
    create_time: created,
    last_modified_time: created,
    life_status: 'normal',
    is_deleted: false,
    owner: [owner.openUserId],
  });
  for (const c of book.customers) {
    const id = crmIdOf(c, 'fxiaoke', (x) => fxIdFor(`account:${x}`));
    accounts.set(c.id, { id, name: c.name });
    out.push({
      obj: 'AccountObj',
      rec: {
        ...base(cstMs(c.createdAt)),
        _id: id,
        name: c.name,
        url: c.domain ? `https://www.${c.domain}` : null,
        email: c.emails[0] ?? null,
        owner__r: { name: c.owner ?? owner.name },
      },
    });
  }
  const link = (customerId: string): Rec | undefined => {
    const acc = accounts.get(customerId);
    return acc && { account_id: acc.id, account_id__r: acc.name };
  };
  for (const p of book.contacts ?? []) {
    const l = link(p.customerId);
    if (l)
      out.push({
        obj: 'ContactObj',
        rec: { ...base(cstMs('2024-01-02')), _id: fxIdFor(`contact:${p.id}`), name: p.name, email: p.email ?? null, job_title: p.role ?? null, ...l },
      });
  }
  for (const t of book.transactions ?? []) {
    const l = link(t.customerId);
    if (l)
      out.push({
        obj: 'SalesOrderObj',
        rec: { ...base(cstMs(t.date, 11)), _id: fxIdFor(`order:${t.id}`), name: t.orderId ?? t.id, order_amount: t.amount, order_time: cstMs(t.date, 0), ...l },
      });
  }
  for (const i of book.interactions ?? []) {
    const l = link(i.customerId);
    if (!l) continue;
    out.push({
      obj: 'ActiveRecordObj',
      rec: {
        ...base(cstMs(i.date)),
        _id: fxIdFor(`record:${i.id}`),
        active_record_content: i.summary,
        active_record_type: String(Object.keys(TYPE_LABEL).indexOf(i.channel) + 1),
        active_record_type__r: TYPE_LABEL[i.channel],
        related_object_data: [{ describe_api_name: 'AccountObj', id: l.account_id, name: l.account_id__r }],
        ...l,
      },
    });
  }
  return out;
}
