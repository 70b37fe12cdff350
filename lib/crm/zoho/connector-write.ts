/**
 * Writing a logged activity to Zoho CRM: a Call (channel `call`) that already happened — start
 * time in the past, a duration — or, for other channels, a Task with status Completed; linked
 * to the target through `What_Id` + `$se_module` (a contact through `Who_Id`). The subject ends
 * with the `[Rapport <key>]` tag that `findActivity` looks for with a COQL query.
 */
import { activityTag as keyTag, activityTime, bodyOf, checkKey, subjectOf } from '../../sync/activity-key';
import { ConnectorError, type ActivityDraft, type ScoreWrite } from '../../sync/types';
import { zohoTime } from './connector-http';

/** Zoho record ids are long digit strings (kept as strings: they exceed 2^53). */
export function zohoId(id: string, where: string): string {
  if (!/^\d{1,25}$/.test(id)) throw new ConnectorError('rejected', `${where}: expected a Zoho record id (digits)`);
  return id;
}

const LINK: Record<ActivityDraft['target']['objectType'], (id: string) => Record<string, unknown>> = {
  account: (id) => ({ What_Id: { id }, $se_module: 'Accounts' }),
  deal: (id) => ({ What_Id: { id }, $se_module: 'Deals' }),
  lead: (id) => ({ What_Id: { id }, $se_module: 'Leads' }),
  contact: (id) => ({ Who_Id: { id } }),
};

/** Subjects are at most 255 characters in Zoho; the tag always fits whole. */
const subjectWithTag = (draft: ActivityDraft): string => {
  const tag = keyTag(draft.key);
  return `${subjectOf(draft, 255 - tag.length - 1)} ${tag}`;
};

export function activityRecord(draft: ActivityDraft, now: number): { module: 'Calls' | 'Tasks'; record: Record<string, unknown> } {
  const link = LINK[draft.target.objectType](zohoId(draft.target.id, 'target.id'));
  if (draft.channel === 'call')
    return {
      module: 'Calls',
      record: {
        Subject: subjectWithTag(draft),
        Call_Type: draft.direction === 'inbound' ? 'Inbound' : 'Outbound',
        Call_Start_Time: zohoTime(activityTime(draft, now)),
        Call_Duration: '00:00',
        Description: bodyOf(draft),
        ...link,
      },
    };
  activityTime(draft, now);
  return { module: 'Tasks', record: { Subject: subjectWithTag(draft), Status: 'Completed', Due_Date: draft.date, Description: bodyOf(draft), ...link } };
}

/** COQL that finds the activity carrying this key's tag (the key's characters are checked by keyTag). */
export const findQuery = (module: string, key: string): string => {
  return `select id, Subject from ${module} where Subject like '%Rapport ${checkKey(key)}]%' limit 10`;
};

/**
 * The opt-in score fields on Accounts. An admin adds them once as custom fields labelled
 * "Rapport Tier", "Rapport Risk", "Rapport Churn Risk" (decimal), "Rapport Next Action" and
 * "Rapport Next Action Due" (date); Zoho names them as below.
 */
export function scoreRecord(row: ScoreWrite): Record<string, unknown> {
  return {
    id: zohoId(row.target.id, 'target.id'),
    Rapport_Tier: row.tier,
    Rapport_Risk: row.riskBand,
    Rapport_Churn_Risk: Math.round(row.churnRisk * 10_000) / 10_000,
    Rapport_Next_Action: row.nextAction?.kind ?? null,
    Rapport_Next_Action_Due: row.nextAction?.due ?? null,
  };
}
