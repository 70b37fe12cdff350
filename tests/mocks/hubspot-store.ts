/**
 * The HubSpot mock's records: CRM objects with string property values, numeric-string ids,
 * last-modified properties stamped from the mock clock, archiving, merges (`hs_merged_object_ids`)
 * and v4 associations with HubSpot's default type ids — plus seeding from canonical rows.
 */
import { textToHtml } from '../../lib/sync/html-text';
import type { SeedBook } from './crm-seed';

export type Props = Record<string, string | null>;
export interface HsRecord {
  id: string;
  properties: Props;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
}
export interface Assoc {
  fromType: string;
  from: string;
  toType: string;
  to: string;
  typeId: number;
  label: string | null;
}

export const TYPES = ['companies', 'contacts', 'deals', 'tickets', 'calls', 'emails', 'meetings', 'notes'] as const;
export const SINGULAR: Readonly<Record<string, string>> = {
  companies: 'company',
  contacts: 'contact',
  deals: 'deal',
  tickets: 'ticket',
  calls: 'call',
  emails: 'email',
  meetings: 'meeting',
  notes: 'note',
};

/** Properties each type knows (beyond the ones every object has). */
export const KNOWN: Readonly<Record<string, readonly string[]>> = {
  companies: ['name', 'domain', 'industry', 'hubspot_owner_id', 'hs_merged_object_ids'],
  contacts: ['firstname', 'lastname', 'email', 'jobtitle', 'hs_buying_role', 'associatedcompanyid', 'hs_merged_object_ids', 'lastmodifieddate'],
  deals: ['dealname', 'amount', 'closedate', 'deal_currency_code', 'dealstage', 'pipeline', 'hs_is_closed_won'],
  tickets: ['subject', 'content', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority', 'hs_ticket_category'],
  calls: ['hs_timestamp', 'hs_call_title', 'hs_call_body', 'hs_call_direction', 'hs_call_status', 'hs_call_duration', 'hubspot_owner_id'],
  emails: ['hs_timestamp', 'hs_email_subject', 'hs_email_text', 'hs_email_direction', 'hubspot_owner_id'],
  meetings: ['hs_timestamp', 'hs_meeting_title', 'hs_meeting_body', 'hs_meeting_start_time', 'hs_meeting_end_time', 'hs_meeting_outcome', 'hubspot_owner_id'],
  notes: ['hs_timestamp', 'hs_note_body', 'hubspot_owner_id'],
};
export const COMMON = ['hs_object_id', 'createdate', 'hs_createdate', 'hs_lastmodifieddate'];

/** HubSpot-defined association type ids (from → to), with the label of the primary one. */
export const ASSOCIATION_TYPES: Readonly<Record<string, readonly [number, string | null][]>> = {
  'contacts→companies': [
    [1, 'Primary'],
    [279, null],
  ],
  'deals→companies': [
    [5, 'Primary'],
    [341, null],
  ],
  'tickets→companies': [
    [26, 'Primary'],
    [339, null],
  ],
  'calls→companies': [[182, null]],
  'emails→companies': [[186, null]],
  'meetings→companies': [[188, null]],
  'notes→companies': [[190, null]],
  'calls→contacts': [[194, null]],
  'meetings→contacts': [[200, null]],
  'notes→contacts': [[202, null]],
  'calls→deals': [[206, null]],
  'meetings→deals': [[212, null]],
  'notes→deals': [[214, null]],
};

const iso = (ms: number): string => new Date(ms).toISOString();

export class HubspotStore {
  readonly objects = new Map<string, Map<string, HsRecord>>(TYPES.map((t) => [t, new Map()]));
  readonly associations: Assoc[] = [];
  private seq = 9_100_000_000;
  now: number;

  constructor(now: number) {
    this.now = now;
  }

  table(type: string): Map<string, HsRecord> {
    const t = this.objects.get(type);
    if (!t) throw new Error(`mock has no ${type}`);
    return t;
  }

  modifiedProp = (type: string): string => (type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate');

  create(type: string, properties: Props, id?: string): HsRecord {
    const rid = id ?? String(++this.seq);
    if (this.table(type).has(rid)) throw new Error(`${type} ${rid} exists`);
    const created = properties.createdate ? Date.parse(properties.createdate) : this.now;
    const rec: HsRecord = {
      id: rid,
      properties: { ...properties, hs_object_id: rid, createdate: iso(created), hs_createdate: iso(created), [this.modifiedProp(type)]: iso(this.now) },
      createdAt: created,
      updatedAt: this.now,
      archived: false,
    };
    this.table(type).set(rid, rec);
    return rec;
  }

  /** Change a record "in the CRM": its last-modified property moves to now. */
  edit(type: string, id: string, properties: Props): void {
    const rec = this.table(type).get(id);
    if (!rec || rec.archived) throw new Error(`no live ${type} ${id}`);
    Object.assign(rec.properties, properties, { [this.modifiedProp(type)]: iso(this.now) });
    rec.updatedAt = this.now;
  }

  /** Delete (HubSpot archives; the archived list shows it with `archivedAt`). */
  archive(type: string, id: string): void {
    const rec = this.table(type).get(id);
    if (!rec) throw new Error(`no ${type} ${id}`);
    Object.assign(rec, { archived: true, archivedAt: this.now, updatedAt: this.now });
  }

  associate(fromType: string, from: string, toType: string, to: string, typeId?: number): void {
    const types = ASSOCIATION_TYPES[`${fromType}→${toType}`];
    const [id, label] = types?.find(([t]) => typeId === undefined || t === typeId) ?? [];
    if (id === undefined) throw new Error(`no association ${fromType}→${toType} ${typeId}`);
    this.associations.push({ fromType, from, toType, to, typeId: id, label: label ?? null });
  }

  /** Companies of an object, or objects of a company (either direction). */
  linked(fromType: string, from: string, toType: string): Assoc[] {
    const out: Assoc[] = [];
    for (const a of this.associations) {
      if (a.fromType === fromType && a.from === from && a.toType === toType) out.push(a);
      else if (a.toType === fromType && a.to === from && a.fromType === toType) out.push({ ...a, fromType, from, toType, to: a.from });
    }
    return out.filter((a) => !this.table(a.toType).get(a.to)?.archived);
  }

  /** Merge `secondary` into `primary`: associations move, the primary lists the merged id, the secondary is gone. */
  merge(type: 'companies' | 'contacts', primary: string, secondary: string): void {
    for (const a of this.associations) {
      if (a.toType === type && a.to === secondary) a.to = primary;
      if (a.fromType === type && a.from === secondary) a.from = primary;
    }
    const merged = (this.table(type).get(primary)!.properties.hs_merged_object_ids ?? '').split(';').filter(Boolean);
    this.edit(type, primary, { hs_merged_object_ids: [...merged, secondary].join(';') });
    this.table(type).delete(secondary);
  }

  /** Canonical rows in HubSpot's shapes; returns canonical customer id → company id. */
  seed(book: SeedBook): Map<string, string> {
    const companies = new Map<string, string>();
    for (const c of book.customers) {
      const ref = c.crmRefs.find((r) => r.crm === 'hubspot' && r.objectType === 'account')?.id;
      const props = { name: c.name, domain: c.domain ?? null, industry: c.segment ?? null, createdate: `${c.createdAt}T09:00:00.000Z` };
      companies.set(c.id, this.create('companies', props, ref).id);
    }
    const company = (id: string): string => companies.get(id) ?? this.create('companies', { name: id }).id;
    for (const k of book.contacts ?? []) {
      const [first, ...rest] = k.name.split(' ');
      const companyId = company(k.customerId);
      const props = {
        firstname: first ?? '',
        lastname: rest.join(' '),
        email: k.email ?? null,
        jobtitle: k.role ?? null,
        hs_buying_role: k.isDecisionMaker ? 'DECISION_MAKER' : null,
        associatedcompanyid: companyId,
      };
      this.associate('contacts', this.create('contacts', props).id, 'companies', companyId, 1);
    }
    for (const t of book.transactions ?? []) {
      const props = {
        dealname: t.product ?? t.orderId ?? 'Deal',
        amount: String(t.amount),
        closedate: `${t.date}T00:00:00.000Z`,
        deal_currency_code: t.currency ?? null,
        dealstage: 'closedwon',
        pipeline: 'default',
        hs_is_closed_won: 'true',
      };
      this.associate('deals', this.create('deals', props).id, 'companies', company(t.customerId), 5);
    }
    for (const i of book.interactions ?? []) {
      const at = `${i.date}T10:00:00.000Z`;
      const [type, props]: [string, Props] =
        i.channel === 'call'
          ? [
              'calls',
              { hs_timestamp: at, hs_call_body: textToHtml(i.summary), hs_call_status: 'COMPLETED', hs_call_direction: i.direction?.toUpperCase() ?? null },
            ]
          : i.channel === 'email'
            ? ['emails', { hs_timestamp: at, hs_email_text: i.summary, hs_email_direction: i.direction === 'inbound' ? 'INCOMING_EMAIL' : 'EMAIL' }]
            : i.channel === 'meeting' || i.channel === 'visit'
              ? ['meetings', { hs_timestamp: at, hs_meeting_title: i.summary, hs_meeting_outcome: 'COMPLETED' }]
              : ['notes', { hs_timestamp: at, hs_note_body: textToHtml(i.summary) }];
      this.associate(type, this.create(type, props).id, 'companies', company(i.customerId));
    }
    for (const f of book.feedback ?? [])
      if (f.kind === 'complaint') {
        const props = {
          subject: f.comment ?? null,
          content: null,
          createdate: `${f.date}T09:00:00.000Z`,
          hs_pipeline: '0',
          hs_pipeline_stage: '1',
          hs_ticket_category: 'PRODUCT_ISSUE',
        };
        this.associate('tickets', this.create('tickets', props).id, 'companies', company(f.customerId), 26);
      }
    return companies;
  }
}
