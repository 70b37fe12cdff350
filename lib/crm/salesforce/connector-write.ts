/**
 * Writes to Salesforce: a completed Task per quick-log (our key as a `[Rapport <key>]` tag in
 * its Subject, which SOQL can filter on), and the opt-in score fields on Accounts
 * (docs/crm-apis/salesforce.md "Writing").
 */
import type { Channel } from '../../schemas/values';
import { activityTag, draftDate, nextStepLine } from '../../sync/activity-key';
import { chunks, clip, paragraphs } from '../../sync/rows';
import { ConnectorError, type ActivityDraft, type Connection, type ConnectorContext, type ScoreWrite } from '../../sync/types';
import { isInvalidField, SF_DATA, sfRequest } from './connector-http';
import { isSalesforceId, queryAll, soqlContains, soqlString } from './connector-soql';

const SUBTYPES: Readonly<Record<Channel, string>> = { call: 'Call', email: 'Email', meeting: 'Task', visit: 'Task', chat: 'Task', other: 'Task' };

/** Accounts and opportunities are the Task's `WhatId`; contacts and leads its `WhoId`. */
function targetField(target: ActivityDraft['target']): 'WhatId' | 'WhoId' {
  if (!isSalesforceId(target.id)) throw new ConnectorError('rejected', `target id: not a Salesforce id (${target.objectType})`);
  return target.objectType === 'account' || target.objectType === 'deal' ? 'WhatId' : 'WhoId';
}

/** The Task to create; `withCallType` false for orgs without the Call Center fields. */
export function taskFor(draft: ActivityDraft, withCallType: boolean): Record<string, unknown> {
  draftDate(draft);
  const tag = activityTag(draft.key);
  const firstLine = draft.summary.trim().split(/\r?\n/)[0]!.trim();
  const next = nextStepLine(draft);
  const task: Record<string, unknown> = {
    Subject: [clip(firstLine, 255 - tag.length - 1), tag].filter(Boolean).join(' '),
    Description: clip(paragraphs(draft.summary, next), 32_000),
    Status: 'Completed',
    ActivityDate: draft.date,
    TaskSubtype: SUBTYPES[draft.channel],
    [targetField(draft.target)]: draft.target.id,
  };
  if (withCallType && draft.channel === 'call' && draft.direction) task.CallType = draft.direction === 'inbound' ? 'Inbound' : 'Outbound';
  return task;
}

export async function writeTask(conn: Connection, draft: ActivityDraft, ctx: ConnectorContext): Promise<{ id: string }> {
  const post = (withCallType: boolean) =>
    sfRequest<{ id: string; success: boolean }>(ctx, conn, `${SF_DATA}/sobjects/Task`, { method: 'POST', json: taskFor(draft, withCallType) });
  let res;
  try {
    res = await post(true);
  } catch (e) {
    // A 400 wrote nothing: without Call Center the org may not know CallType; send the Task without it.
    if (!(isInvalidField(e) && taskFor(draft, true).CallType !== undefined)) throw e;
    res = await post(false);
  }
  if (!res.body?.success || typeof res.body.id !== 'string') throw new ConnectorError('rejected', `HTTP ${res.status} Task not created`);
  return { id: res.body.id };
}

export async function findTask(conn: Connection, key: string, target: ActivityDraft['target'], ctx: ConnectorContext): Promise<string | null> {
  const field = targetField(target);
  const rows = await queryAll(
    ctx,
    conn,
    `SELECT Id FROM Task WHERE ${field} = ${soqlString(target.id)} AND Subject LIKE ${soqlContains(activityTag(key))} ORDER BY CreatedDate DESC LIMIT 1`,
  );
  return rows[0] ? String(rows[0].Id) : null;
}

/** The Account custom fields an admin creates to opt in (API names). */
export const SCORE_FIELDS = {
  tier: 'Rapport_Tier__c',
  risk: 'Rapport_Risk__c',
  churnRisk: 'Rapport_Churn_Risk__c',
  nextAction: 'Rapport_Next_Action__c',
  nextActionDue: 'Rapport_Next_Action_Due__c',
} as const;

interface SaveResult {
  success: boolean;
  errors?: { statusCode?: string }[];
}

export async function writeAccountScores(conn: Connection, rows: readonly ScoreWrite[], ctx: ConnectorContext): Promise<{ written: number }> {
  const records = rows
    .filter((r) => r.target.objectType === 'account' && isSalesforceId(r.target.id))
    .map((r) => ({
      attributes: { type: 'Account' },
      id: r.target.id,
      [SCORE_FIELDS.tier]: r.tier,
      [SCORE_FIELDS.risk]: r.riskBand,
      [SCORE_FIELDS.churnRisk]: Math.round(r.churnRisk * 100),
      [SCORE_FIELDS.nextAction]: r.nextAction?.kind ?? null,
      [SCORE_FIELDS.nextActionDue]: r.nextAction?.due ?? null,
    }));
  let written = 0;
  for (const part of chunks(records, 200)) {
    const { body } = await sfRequest<SaveResult[]>(ctx, conn, `${SF_DATA}/composite/sobjects`, { method: 'PATCH', json: { allOrNone: false, records: part } });
    const results = Array.isArray(body) ? body : [];
    written += results.filter((r) => r.success).length;
    const missing = results.find((r) => r.errors?.some((e) => e.statusCode === 'INVALID_FIELD'));
    if (missing && !results.some((r) => r.success)) throw new ConnectorError('rejected', 'INVALID_FIELD: the Rapport score fields are missing on Account');
  }
  return { written };
}
