/**
 * Writes to HubSpot: a call, meeting or note engagement associated to the record, our key as a
 * `[Rapport <key>]` paragraph in its body. Search indexes new objects only after a delay, so
 * `findActivity` reads the record's associated engagements instead (immediately consistent).
 */
import type { Channel, ObjectType } from '../../schemas/values';
import { activityTag, draftDate, hasActivityTag, nextStepLine } from '../../sync/activity-key';
import { chunks, paragraphs } from '../../sync/rows';
import { textToHtml } from '../../sync/html-text';
import { ConnectorError, type ActivityDraft, type Connection, type ConnectorContext, type ScoreWrite } from '../../sync/types';
import { hsRequest, type HsObject } from './connector-http';

type Engagement = 'calls' | 'meetings' | 'notes';
const ENGAGEMENT: Readonly<Record<Channel, Engagement>> = {
  call: 'calls',
  meeting: 'meetings',
  visit: 'meetings',
  email: 'notes',
  chat: 'notes',
  other: 'notes',
};
const BODY: Readonly<Record<Engagement, string>> = { calls: 'hs_call_body', meetings: 'hs_meeting_body', notes: 'hs_note_body' };
const TARGETS: Partial<Record<ObjectType, 'companies' | 'contacts' | 'deals'>> = { account: 'companies', contact: 'contacts', deal: 'deals' };
/** HubSpot-defined association type ids, engagement → record. */
const ASSOCIATION: Readonly<Record<Engagement, Record<'companies' | 'contacts' | 'deals', number>>> = {
  calls: { companies: 182, contacts: 194, deals: 206 },
  meetings: { companies: 188, contacts: 200, deals: 212 },
  notes: { companies: 190, contacts: 202, deals: 214 },
};

function targetOf(target: ActivityDraft['target']): 'companies' | 'contacts' | 'deals' {
  const t = TARGETS[target.objectType];
  if (!t) throw new ConnectorError('rejected', `target: HubSpot activities attach to companies, contacts or deals, not ${target.objectType}`);
  if (!/^\d{1,20}$/.test(target.id)) throw new ConnectorError('rejected', `target id: not a HubSpot record id (${target.objectType})`);
  return t;
}

export function engagementFor(draft: ActivityDraft): { type: Engagement; properties: Record<string, string> } {
  draftDate(draft);
  const type = ENGAGEMENT[draft.channel];
  // Noon UTC keeps the activity on its day in every time zone from UTC−11 to UTC+11.
  const at = `${draft.date}T12:00:00.000Z`;
  const body = `${textToHtml(paragraphs(draft.summary, nextStepLine(draft)))}<p>${activityTag(draft.key)}</p>`;
  const title = draft.summary.trim().split(/\r?\n/)[0]!.trim().slice(0, 250);
  const properties: Record<string, string> =
    type === 'calls'
      ? { hs_timestamp: at, hs_call_title: title, hs_call_body: body, hs_call_status: 'COMPLETED' }
      : type === 'meetings'
        ? {
            hs_timestamp: at,
            hs_meeting_title: title,
            hs_meeting_body: body,
            hs_meeting_start_time: at,
            hs_meeting_end_time: at,
            hs_meeting_outcome: 'COMPLETED',
          }
        : { hs_timestamp: at, hs_note_body: body };
  if (type === 'calls' && draft.direction) properties.hs_call_direction = draft.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND';
  return { type, properties };
}

export async function writeEngagement(conn: Connection, draft: ActivityDraft, ctx: ConnectorContext): Promise<{ id: string }> {
  const target = targetOf(draft.target);
  const { type, properties } = engagementFor(draft);
  const { body } = await hsRequest<HsObject>(ctx, conn, `/crm/v3/objects/${type}`, {
    method: 'POST',
    json: {
      properties,
      associations: [{ to: { id: draft.target.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: ASSOCIATION[type][target] }] }],
    },
  });
  if (typeof body?.id !== 'string') throw new ConnectorError('rejected', `HubSpot ${type}: no id in the answer`);
  return { id: body.id };
}

/** Ids of the record's associated engagements of one type, newest (highest id) first. */
async function associated(conn: Connection, ctx: ConnectorContext, target: ActivityDraft['target'], type: Engagement): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const q = new URLSearchParams({ limit: '500', ...(after ? { after } : {}) });
    const { body } = await hsRequest<{ results: { toObjectId: number | string }[]; paging?: { next?: { after: string } } }>(
      ctx,
      conn,
      `/crm/v4/objects/${targetOf(target)}/${target.id}/associations/${type}?${q}`,
    );
    ids.push(...body.results.map((r) => String(r.toObjectId)));
    after = body.paging?.next?.after;
  } while (after);
  return ids.sort((a, b) => (BigInt(b) > BigInt(a) ? 1 : BigInt(b) < BigInt(a) ? -1 : 0));
}

export async function findEngagement(conn: Connection, key: string, target: ActivityDraft['target'], ctx: ConnectorContext): Promise<string | null> {
  activityTag(key);
  for (const type of ['calls', 'meetings', 'notes'] as const)
    for (const part of chunks(await associated(conn, ctx, target, type), 100)) {
      const { body } = await hsRequest<{ results: HsObject[] }>(ctx, conn, `/crm/v3/objects/${type}/batch/read`, {
        method: 'POST',
        json: { properties: [BODY[type]], inputs: part.map((id) => ({ id })) },
      });
      const hit = body.results.find((o) => hasActivityTag(o.properties[BODY[type]], key));
      if (hit) return hit.id;
    }
  return null;
}

/** The company properties an admin creates to opt in (internal names). */
export const SCORE_PROPERTIES = {
  tier: 'rapport_tier',
  risk: 'rapport_risk',
  churnRisk: 'rapport_churn_risk',
  nextAction: 'rapport_next_action',
  nextActionDue: 'rapport_next_action_due',
} as const;

export async function writeCompanyScores(conn: Connection, rows: readonly ScoreWrite[], ctx: ConnectorContext): Promise<{ written: number }> {
  const inputs = rows
    .filter((r) => r.target.objectType === 'account' && /^\d{1,20}$/.test(r.target.id))
    .map((r) => ({
      id: r.target.id,
      properties: {
        [SCORE_PROPERTIES.tier]: r.tier,
        [SCORE_PROPERTIES.risk]: r.riskBand,
        [SCORE_PROPERTIES.churnRisk]: String(Math.round(r.churnRisk * 100)),
        [SCORE_PROPERTIES.nextAction]: r.nextAction?.kind ?? '',
        [SCORE_PROPERTIES.nextActionDue]: r.nextAction?.due ?? '',
      },
    }));
  let written = 0;
  for (const part of chunks(inputs, 100)) {
    const { body } = await hsRequest<{ results?: unknown[] }>(ctx, conn, '/crm/v3/objects/companies/batch/update', { method: 'POST', json: { inputs: part } });
    written += body.results?.length ?? 0;
  }
  return { written };
}
