/**
 * The Pipedrive mock's records: organizations, persons, deals, activities (API v2 shapes,
 * RFC 3339 times) and notes (API v1 shape, `YYYY-MM-DD HH:MM:SS`), integer ids, soft deletes,
 * organization custom fields keyed by 40-hex hashes — plus seeding from canonical rows.
 */
import { textToHtml } from '../../lib/sync/html-text';
import type { SeedBook } from './crm-seed';

export type Entity = 'organizations' | 'persons' | 'deals' | 'activities' | 'notes';
export type Rec = Record<string, unknown> & { id: number; add_time: number; update_time: number; is_deleted: boolean };

export const ACTIVITY_TYPES = ['call', 'meeting', 'task', 'deadline', 'email', 'lunch'];
const FIRST_ID: Readonly<Record<Entity, number>> = { organizations: 2000, persons: 5000, deals: 8000, activities: 12000, notes: 30000 };

export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const v1Time = (ms: number): string => rfc3339(ms).replace('T', ' ').replace('Z', '');

export class PipedriveStore {
  readonly tables = new Map<Entity, Map<number, Rec>>();
  /** Organization fields: standard ones and those an admin added (key = 40-hex hash). */
  readonly orgFields: { id: number; key: string; name: string; field_type: string }[] = [
    { id: 1, key: 'name', name: 'Name', field_type: 'varchar' },
    { id: 2, key: 'owner_id', name: 'Owner', field_type: 'user' },
  ];
  private readonly seq = { ...FIRST_ID };
  now: number;
  /** Moves on every create, edit and remove (what a cached listing is checked against). */
  version = 0;

  constructor(now: number) {
    this.now = now;
    for (const e of Object.keys(FIRST_ID) as Entity[]) this.tables.set(e, new Map());
  }

  table(e: Entity): Map<number, Rec> {
    return this.tables.get(e)!;
  }

  addOrgField(name: string): string {
    const key = Array.from({ length: 40 }, (_, i) => '0123456789abcdef'[(name.charCodeAt(i % name.length) + i * 7) % 16]).join('');
    this.orgFields.push({ id: this.orgFields.length + 1, key, name, field_type: 'varchar' });
    return key;
  }

  create(e: Entity, fields: Record<string, unknown>, at = this.now): Rec {
    const table = this.table(e);
    if (typeof fields.id === 'number' && table.has(fields.id)) throw new Error(`${e} ${fields.id} exists`);
    let id = typeof fields.id === 'number' ? fields.id : ++this.seq[e];
    while (table.has(id)) id = ++this.seq[e];
    const rec: Rec = { ...fields, id, add_time: at, update_time: this.now, is_deleted: false };
    table.set(id, rec);
    this.version++;
    return rec;
  }

  /** Change a record "in the CRM": its update_time moves to now. */
  edit(e: Entity, id: number, fields: Record<string, unknown>): void {
    const rec = this.table(e).get(id);
    if (!rec || rec.is_deleted) throw new Error(`no live ${e} ${id}`);
    Object.assign(rec, fields, { update_time: this.now });
    this.version++;
  }

  remove(e: Entity, id: number): void {
    const rec = this.table(e).get(id);
    if (!rec) throw new Error(`no ${e} ${id}`);
    Object.assign(rec, { is_deleted: true, update_time: this.now });
    this.version++;
  }

  /** Canonical rows in Pipedrive's shapes; returns canonical customer id → organization id. */
  seed(book: SeedBook): Map<string, number> {
    const orgs = new Map<string, number>();
    const day = (d: string): number => Date.parse(`${d}T09:00:00Z`);
    const refOf = (c: SeedBook['customers'][number]): string | undefined => c.crmRefs.find((r) => r.crm === 'pipedrive' && r.objectType === 'account')?.id;
    // Customers with a Pipedrive id first, so generated ids never take theirs.
    for (const c of [...book.customers].sort((a, b) => Number(!refOf(a)) - Number(!refOf(b)))) {
      const ref = refOf(c);
      orgs.set(c.id, this.create('organizations', { ...(ref ? { id: Number(ref) } : {}), name: c.name, owner_id: 1, custom_fields: {} }, day(c.createdAt)).id);
    }
    const org = (id: string): number => orgs.get(id) ?? this.create('organizations', { name: id, owner_id: 1, custom_fields: {} }).id;
    const persons = new Map<string, number>();
    for (const k of book.contacts ?? []) {
      const [first, ...rest] = k.name.split(' ');
      const p = this.create('persons', {
        name: k.name,
        first_name: first,
        last_name: rest.join(' '),
        org_id: org(k.customerId),
        owner_id: 1,
        emails: k.email ? [{ value: k.email, primary: true, label: 'work' }] : [],
        phones: [],
        job_title: k.role ?? null,
      });
      persons.set(`${k.customerId}\u0000${k.name}`, p.id);
    }
    for (const t of book.transactions ?? [])
      this.create('deals', {
        title: t.product ?? t.orderId ?? 'Deal',
        org_id: org(t.customerId),
        person_id: null,
        owner_id: 1,
        value: t.amount,
        currency: t.currency ?? 'USD',
        status: 'won',
        won_time: rfc3339(day(t.date)),
        close_time: rfc3339(day(t.date)),
        pipeline_id: 1,
        stage_id: 5,
      });
    for (const i of book.interactions ?? []) {
      if (i.channel === 'chat' || i.channel === 'other') {
        this.create(
          'notes',
          { content: textToHtml(i.summary), org_id: org(i.customerId), person_id: null, deal_id: null, user_id: 1, active_flag: true },
          day(i.date),
        );
        continue;
      }
      const person = i.contact ? persons.get(`${i.customerId}\u0000${i.contact}`) : undefined;
      this.create('activities', {
        subject: i.summary.length <= 255 ? i.summary : i.summary.slice(0, 80),
        type: i.channel === 'visit' ? 'meeting' : i.channel,
        org_id: org(i.customerId),
        deal_id: null,
        lead_id: null,
        person_id: person ?? null,
        participants: person ? [{ person_id: person, primary: true }] : [],
        owner_id: 1,
        due_date: i.date,
        due_time: '10:00',
        duration: '00:30',
        done: true,
        marked_as_done_time: rfc3339(day(i.date)),
        note: i.summary.length <= 255 ? null : textToHtml(i.summary),
      });
    }
    return orgs;
  }
}
