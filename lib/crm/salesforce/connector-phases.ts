/**
 * What a Salesforce sync reads, object by object, in this order. Each phase is one SOQL query
 * ordered by `SystemModstamp` and resumed from the last stamp read (`>=`: Salesforce stamps
 * have second precision, so the boundary second is read again rather than risk a miss).
 */
import { chunks, type BatchCollector, type RowKind } from '../../sync/rows';
import { keyInText } from '../../sync/activity-key';
import type { ChangeBatch, Connection, ConnectorContext, RecordKey } from '../../sync/types';
import { mapAccount, mapCase, mapContact, mapEvent, mapOpportunity, mapTask } from './connector-map';
import { idList, queryAll, soqlDateTime, type SfRecord } from './connector-soql';

/** The sync state between batches (stored by the engine as the cursor). */
export interface SfState {
  /** Phase being read, or null between passes. */
  phase: string | null;
  /** ISO instant the current pass started; the next pass's deletion window starts here. */
  passStart: string | null;
  /** Deletions are read from here on the next pass (null until a first pass completed). */
  deletedSince: string | null;
  /** Meetings dated up to this day were read; later ones are read once their day comes. */
  eventsThrough: string | null;
  /** The org's default currency (for single-currency orgs, whose opportunities carry none). */
  currency: string | null;
  /** Objects read without their optional fields because the org lacks them (comma-separated). */
  lean: string;
  [watermark: `w.${string}`]: string | null;
}

export interface PhaseEnv {
  conn: Connection;
  ctx: ConnectorContext;
  state: SfState;
  today: string;
  /** Events read as changed in this run, not to be sent again as due. */
  events: Set<string>;
}

export interface Phase {
  name: string;
  sobject: string;
  fields: readonly string[];
  /** Fields some orgs lack (multi-currency, Call Center): dropped when the org answers INVALID_FIELD. */
  optional?: readonly string[];
  objectType: RecordKey['objectType'];
  kind: RowKind;
  /** Resumed by SystemModstamp (else the phase is a window read in full each pass). */
  watermark: boolean;
  /** WHERE conditions, or null to skip the phase in this pass. */
  where(env: PhaseEnv): string[] | null;
  handle(records: SfRecord[], b: BatchCollector, env: PhaseEnv): Promise<void>;
}

const DM_ROLES = "('Decision Maker','Economic Buyer','Executive Sponsor')";

/** Contacts holding a decision-making role on any opportunity, among `ids`. */
async function decisionMakers(env: PhaseEnv, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(ids, 150)) {
    const rows = await queryAll(env.ctx, env.conn, `SELECT ContactId FROM OpportunityContactRole WHERE ContactId IN ${idList(part)} AND Role IN ${DM_ROLES}`);
    for (const r of rows) out.add(String(r.ContactId));
  }
  return out;
}

const CONTACT_FIELDS = ['Id', 'AccountId', 'Name', 'Title', 'Email', 'SystemModstamp'] as const;

async function addContacts(records: SfRecord[], b: BatchCollector, env: PhaseEnv): Promise<void> {
  const dms = await decisionMakers(
    env,
    records.map((r) => String(r.Id)),
  );
  for (const r of records) b.add('contacts', { objectType: 'contact', id: String(r.Id) }, () => mapContact(r, dms));
}

const since = (env: PhaseEnv, name: string): string[] => {
  const w = env.state[`w.${name}`];
  return w ? [`SystemModstamp >= ${soqlDateTime(Date.parse(w))}`] : [];
};

const each =
  <K extends RowKind>(kind: K, objectType: RecordKey['objectType'], map: (r: SfRecord, env: PhaseEnv) => ChangeBatch[K][number]) =>
  async (records: SfRecord[], b: BatchCollector, env: PhaseEnv): Promise<void> => {
    for (const r of records) {
      b.add(kind, { objectType, id: String(r.Id) }, () => map(r, env));
      if (kind === 'interactions') b.tagged(keyInText(r.Subject), String(r.Id));
    }
  };

export const PHASES: readonly Phase[] = [
  {
    name: 'Account',
    sobject: 'Account',
    fields: ['Id', 'Name', 'Website', 'Industry', 'Owner.Name', 'CreatedDate', 'SystemModstamp'],
    objectType: 'account',
    kind: 'customers',
    watermark: true,
    where: (env) => since(env, 'Account'),
    handle: each('customers', 'account', (r) => mapAccount(r)),
  },
  {
    name: 'Contact',
    sobject: 'Contact',
    fields: CONTACT_FIELDS,
    objectType: 'contact',
    kind: 'contacts',
    watermark: true,
    where: (env) => ['AccountId != null', ...since(env, 'Contact')],
    handle: addContacts,
  },
  {
    // A decision-making role given or changed since the last pass: read those contacts again.
    name: 'ContactRole',
    sobject: 'OpportunityContactRole',
    fields: ['Id', 'ContactId', 'SystemModstamp'],
    objectType: 'contact',
    kind: 'contacts',
    watermark: true,
    where: (env) => (env.state['w.ContactRole'] ? since(env, 'ContactRole') : null),
    handle: async (roles, b, env) => {
      const ids = [...new Set(roles.map((r) => String(r.ContactId)))];
      for (const part of chunks(ids, 150)) {
        const contacts = await queryAll(
          env.ctx,
          env.conn,
          `SELECT ${CONTACT_FIELDS.join(', ')} FROM Contact WHERE AccountId != null AND Id IN ${idList(part)}`,
        );
        await addContacts(contacts, b, env);
      }
    },
  },
  {
    name: 'Opportunity',
    sobject: 'Opportunity',
    fields: ['Id', 'AccountId', 'Name', 'Amount', 'CloseDate', 'SystemModstamp'],
    optional: ['CurrencyIsoCode'],
    objectType: 'transaction',
    kind: 'transactions',
    watermark: true,
    where: (env) => ['IsWon = true', 'AccountId != null', ...since(env, 'Opportunity')],
    handle: each('transactions', 'transaction', (r, env) => mapOpportunity(r, env.state.currency ?? undefined)),
  },
  {
    name: 'Task',
    sobject: 'Task',
    fields: ['Id', 'AccountId', 'Who.Name', 'Subject', 'Description', 'ActivityDate', 'CompletedDateTime', 'TaskSubtype', 'CreatedDate', 'SystemModstamp'],
    optional: ['CallType'],
    objectType: 'activity',
    kind: 'interactions',
    watermark: true,
    where: (env) => ['AccountId != null', 'IsClosed = true', ...since(env, 'Task')],
    handle: each('interactions', 'activity', (r) => mapTask(r)),
  },
  {
    name: 'Event',
    sobject: 'Event',
    fields: ['Id', 'AccountId', 'Who.Name', 'Subject', 'Description', 'ActivityDate', 'StartDateTime', 'SystemModstamp'],
    objectType: 'activity',
    kind: 'interactions',
    watermark: true,
    where: (env) => ['AccountId != null', `ActivityDate <= ${env.today}`, ...since(env, 'Event')],
    handle: async (records, b, env) => {
      for (const r of records) env.events.add(String(r.Id));
      await each('interactions', 'activity', (r) => mapEvent(r))(records, b, env);
    },
  },
  {
    // Meetings planned earlier whose day has come since the last pass.
    name: 'EventDue',
    sobject: 'Event',
    fields: ['Id', 'AccountId', 'Who.Name', 'Subject', 'Description', 'ActivityDate', 'StartDateTime', 'SystemModstamp'],
    objectType: 'activity',
    kind: 'interactions',
    watermark: false,
    where: (env) =>
      env.state.eventsThrough && env.state.eventsThrough < env.today
        ? ['AccountId != null', `ActivityDate > ${env.state.eventsThrough}`, `ActivityDate <= ${env.today}`]
        : null,
    handle: (records, b, env) =>
      each('interactions', 'activity', (r) => mapEvent(r))(
        records.filter((r) => !env.events.has(String(r.Id))),
        b,
        env,
      ),
  },
  {
    name: 'Case',
    sobject: 'Case',
    fields: ['Id', 'AccountId', 'Subject', 'Description', 'CreatedDate', 'SystemModstamp'],
    objectType: 'feedback',
    kind: 'feedback',
    watermark: true,
    where: (env) => ['AccountId != null', ...since(env, 'Case')],
    handle: each('feedback', 'feedback', (r) => mapCase(r)),
  },
];

/** The SOQL of a phase (fields without the optional ones when the org lacks them). */
export function phaseSoql(p: Phase, env: PhaseEnv, where: readonly string[]): string {
  const lean = env.state.lean.split(',').includes(p.name);
  const fields = [...p.fields, ...(lean ? [] : (p.optional ?? []))];
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  return `SELECT ${fields.join(', ')} FROM ${p.sobject}${clause}${p.watermark ? ' ORDER BY SystemModstamp' : ' ORDER BY ActivityDate'}`;
}
