/**
 * Writes to Pipedrive: a done activity (API v2) on the organization, deal, person or lead, our
 * key as a `[Rapport <key>]` paragraph in its note; `findActivity` lists the record's activities,
 * newest first. Score fields are organization custom fields found by name.
 */
import type { Channel } from '../../schemas/values';
import { activityTag, draftDate, hasActivityTag, nextStepLine } from '../../sync/activity-key';
import { paragraphs } from '../../sync/rows';
import { textToHtml } from '../../sync/html-text';
import { ConnectorError, type ActivityDraft, type Connection, type ConnectorContext, type ScoreWrite } from '../../sync/types';
import { pdRequest } from './connector-http';
import type { PdRecord } from './connector-map';

/** Pipedrive's default activity types (an admin can rename them, not remove the keys). */
const TYPES: Readonly<Record<Channel, string>> = { call: 'call', meeting: 'meeting', visit: 'meeting', email: 'email', chat: 'task', other: 'task' };

/** The activity field and value that attach it to the target. */
function targetOf(target: ActivityDraft['target']): Record<string, unknown> {
  const numeric = /^\d{1,12}$/.test(target.id);
  if (target.objectType === 'lead') {
    if (!/^[0-9a-f-]{36}$/i.test(target.id)) throw new ConnectorError('rejected', 'target id: not a Pipedrive lead id');
    return { lead_id: target.id };
  }
  if (!numeric) throw new ConnectorError('rejected', `target id: not a Pipedrive id (${target.objectType})`);
  const n = Number(target.id);
  return target.objectType === 'account' ? { org_id: n } : target.objectType === 'deal' ? { deal_id: n } : { participants: [{ person_id: n, primary: true }] };
}

export function activityFor(draft: ActivityDraft): Record<string, unknown> {
  draftDate(draft);
  const next = nextStepLine(draft);
  const subject = draft.summary.trim().split(/\r?\n/)[0]!.trim().slice(0, 250);
  return {
    ...(subject ? { subject } : {}),
    type: TYPES[draft.channel],
    due_date: draft.date,
    done: true,
    note: `${textToHtml(paragraphs(draft.summary, next))}<p>${activityTag(draft.key)}</p>`,
    ...targetOf(draft.target),
  };
}

export async function writeDoneActivity(conn: Connection, draft: ActivityDraft, ctx: ConnectorContext): Promise<{ id: string }> {
  const { body } = await pdRequest<PdRecord>(ctx, conn, '/api/v2/activities', { method: 'POST', json: activityFor(draft) });
  const id = body.data?.id;
  if (typeof id !== 'number') throw new ConnectorError('rejected', 'Pipedrive activity: no id in the answer');
  return { id: String(id) };
}

const FILTER = { account: 'org_id', deal: 'deal_id', contact: 'person_id', lead: 'lead_id' } as const;

export async function findDoneActivity(conn: Connection, key: string, target: ActivityDraft['target'], ctx: ConnectorContext): Promise<string | null> {
  activityTag(key);
  targetOf(target);
  const q = new URLSearchParams({ [FILTER[target.objectType]]: target.id, sort_by: 'add_time', sort_direction: 'desc', limit: '500' });
  for (let cursor: string | null = null; ;) {
    if (cursor) q.set('cursor', cursor);
    const { body } = await pdRequest<PdRecord[] | null>(ctx, conn, `/api/v2/activities?${q}`);
    const hit = (body.data ?? []).find((a) => hasActivityTag(a.note, key));
    if (hit) return String(hit.id);
    cursor = body.additional_data?.next_cursor ?? null;
    if (!cursor) return null;
  }
}

/** The organization fields an admin creates to opt in, by their exact names. */
export const SCORE_FIELD_NAMES = {
  tier: 'Rapport tier',
  risk: 'Rapport risk',
  churnRisk: 'Rapport churn risk',
  nextAction: 'Rapport next action',
  nextActionDue: 'Rapport next action due',
} as const;

export async function writeOrganizationScores(conn: Connection, rows: readonly ScoreWrite[], ctx: ConnectorContext): Promise<{ written: number }> {
  const { body } = await pdRequest<{ key: string; name: string }[] | null>(ctx, conn, '/api/v1/organizationFields?limit=500');
  const keyOf = new Map((body.data ?? []).map((f) => [f.name, f.key]));
  const keys = Object.fromEntries(Object.entries(SCORE_FIELD_NAMES).map(([k, name]) => [k, keyOf.get(name)])) as Record<
    keyof typeof SCORE_FIELD_NAMES,
    string | undefined
  >;
  if (!keys.tier && !keys.risk && !keys.churnRisk && !keys.nextAction)
    throw new ConnectorError('rejected', 'organization fields: none of the Rapport score fields exist');
  let written = 0;
  for (const r of rows) {
    if (r.target.objectType !== 'account' || !/^\d{1,12}$/.test(r.target.id)) continue;
    const values: [string | undefined, unknown][] = [
      [keys.tier, r.tier],
      [keys.risk, r.riskBand],
      [keys.churnRisk, Math.round(r.churnRisk * 100)],
      [keys.nextAction, r.nextAction?.kind ?? null],
      [keys.nextActionDue, r.nextAction?.due ?? null],
    ];
    const custom = Object.fromEntries(values.filter((v): v is [string, unknown] => !!v[0]));
    await pdRequest(ctx, conn, `/api/v2/organizations/${r.target.id}`, { method: 'PATCH', json: { custom_fields: custom } });
    written++;
  }
  return { written };
}
