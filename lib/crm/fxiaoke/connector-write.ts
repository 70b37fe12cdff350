/**
 * Writing a logged activity to Fxiaoke: a 销售记录 (ActiveRecordObj) created as the rep, at the
 * time it happened (`hasSpecifyTime` keeps our `create_time`), related to the target record.
 * Its content ends with the `[Rapport <key>]` tag that `findActivity` queries with LIKE.
 */
import { activityTag as keyTag, activityTime, bodyOf, checkKey } from '../../sync/activity-key';
import { ConnectorError, type ActivityDraft, type ScoreWrite } from '../../sync/types';
import { CST } from './connector-map';
import { queryBody } from './connector-read';

/** Fxiaoke record ids are 24 hex digits. */
export function fxId(id: string, where: string): string {
  if (!/^[0-9a-f]{24}$/i.test(id)) throw new ConnectorError('rejected', `${where}: expected a Fxiaoke record id (24 hex digits)`);
  return id;
}

const TARGET: Record<ActivityDraft['target']['objectType'], string> = {
  account: 'AccountObj',
  contact: 'ContactObj',
  deal: 'NewOpportunityObj',
  lead: 'LeadsObj',
};

export function activityCreate(draft: ActivityDraft, now: number, userId: string) {
  const id = fxId(draft.target.id, 'target.id');
  const obj = TARGET[draft.target.objectType];
  return {
    triggerWorkFlow: true,
    triggerApprovalFlow: false,
    hasSpecifyTime: true,
    hasSpecifyCreatedBy: false,
    data: {
      object_data: {
        dataObjectApiName: 'ActiveRecordObj',
        active_record_content: `${bodyOf(draft)}\n\n${keyTag(draft.key)}`,
        related_object_data: [{ describe_api_name: obj, id }],
        ...(obj === 'AccountObj' ? { account_id: id } : {}),
        owner: [userId],
        create_time: activityTime(draft, now),
      },
      optionInfo: { isDuplicateSearch: false, useValidationRule: true, skipFuncValidate: false },
    },
  };
}

/** The query that finds sales records carrying this key's tag (the key's characters are checked by keyTag). */
export function findBody(key: string) {
  return queryBody('ActiveRecordObj', 10, 0, [{ field_name: 'active_record_content', field_values: [`Rapport ${checkKey(key)}]`], operator: 'LIKE' }]);
}

/** Midnight of a yyyy-MM-dd day in China Standard Time, as epoch ms (Fxiaoke date fields). */
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`) - CST * 60_000;

/**
 * The opt-in score fields on 客户 (AccountObj). An admin adds them once as custom fields with
 * these API names (Fxiaoke suffixes custom fields with `__c`): text for tier, risk and next
 * action, a number for churn risk, a date for the due date.
 */
export function scoreUpdate(row: ScoreWrite) {
  return {
    data: {
      object_data: {
        dataObjectApiName: 'AccountObj',
        _id: fxId(row.target.id, 'target.id'),
        rapport_tier__c: row.tier,
        rapport_risk__c: row.riskBand,
        rapport_churn_risk__c: Math.round(row.churnRisk * 10_000) / 10_000,
        rapport_next_action__c: row.nextAction?.kind ?? null,
        rapport_next_action_due__c: row.nextAction ? dayMs(row.nextAction.due) : null,
      },
    },
  };
}
