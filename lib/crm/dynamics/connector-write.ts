/**
 * Writing a logged activity to Dynamics: a completed phone call (channel `call`) or a completed
 * task (any other channel), regarding the target record. Its GUID is derived from the draft's
 * key (UUID v5), so the create is an upsert with `If-None-Match: *`: a retry of a write that
 * already happened answers 412 and creates nothing.
 */
import { activityTag as keyTag, activityTime, bodyOf, checkKey, subjectOf } from '../../sync/activity-key';
import { ConnectorError, type ActivityDraft, type ScoreWrite } from '../../sync/types';

/** Namespace of Rapport's activity GUIDs (any fixed UUID; changing it would forget past writes). */
const NAMESPACE = '3d1f6a52-8c0e-4b7a-9f25-6e4c2b9a1d70';

/** UUID v5 (SHA-1, RFC 9562) of the key in Rapport's namespace. */
export async function activityGuid(key: string): Promise<string> {
  checkKey(key);
  const ns = NAMESPACE.replace(/-/g, '')
    .match(/../g)!
    .map((h) => parseInt(h, 16));
  const bytes = new Uint8Array([...ns, ...new TextEncoder().encode(key)]);
  const h = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes)).slice(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = [...h].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A record GUID as the URL shows it, checked (it is put in a request path). */
export function targetGuid(id: string, where: string): string {
  const g = id.replace(/[{}]/g, '').toLowerCase();
  if (!GUID.test(g)) throw new ConnectorError('rejected', `${where}: expected a Dynamics record GUID`);
  return g;
}

/** Entity set and table name of each canonical object type an activity can be regarding. */
const TARGET: Record<ActivityDraft['target']['objectType'], { set: string; table: string }> = {
  account: { set: 'accounts', table: 'account' },
  contact: { set: 'contacts', table: 'contact' },
  deal: { set: 'opportunities', table: 'opportunity' },
  lead: { set: 'leads', table: 'lead' },
};

/** Completed phone call: state 1 with status 2 (Made); completed task: state 1 with status 5 (Completed). */
const KINDS = {
  call: { set: 'phonecalls', table: 'phonecall', close: { statecode: 1, statuscode: 2 } },
  task: { set: 'tasks', table: 'task', close: { statecode: 1, statuscode: 5 } },
} as const;

export interface ActivityWrite {
  set: string;
  body: Record<string, unknown>;
  close: { statecode: number; statuscode: number };
}

export function activityWrite(draft: ActivityDraft, now: number): ActivityWrite {
  const kind = KINDS[draft.channel === 'call' ? 'call' : 'task'];
  const target = TARGET[draft.target.objectType];
  const at = new Date(activityTime(draft, now)).toISOString();
  const body: Record<string, unknown> = {
    subject: subjectOf(draft, 200),
    description: `${bodyOf(draft)}\n\n${keyTag(draft.key)}`,
    actualstart: at,
    actualend: at,
    [`regardingobjectid_${target.table}_${kind.table}@odata.bind`]: `/${target.set}(${targetGuid(draft.target.id, 'target.id')})`,
  };
  if (kind.table === 'phonecall') body.directioncode = draft.direction !== 'inbound';
  return { set: kind.set, body, close: kind.close };
}

/**
 * The opt-in score columns on account. An admin adds them once (publisher prefix `rapport`):
 * tier, risk band and next action as text, churn risk as a decimal 0–1, the due date as date only.
 */
export function scoreColumns(row: ScoreWrite): Record<string, unknown> {
  return {
    rapport_tier: row.tier,
    rapport_riskband: row.riskBand,
    rapport_churnrisk: Math.round(row.churnRisk * 10_000) / 10_000,
    rapport_nextaction: row.nextAction?.kind ?? null,
    rapport_nextactiondue: row.nextAction?.due ?? null,
  };
}
