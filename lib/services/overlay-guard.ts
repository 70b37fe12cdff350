/**
 * The background's memory of CRM tabs (lib/services/overlay-tabs.ts) and the checks a content
 * script's request passes before it may touch data: the tab's page must still show the record it
 * resolved, and what it acts on must belong to that record's customer.
 */
import type { AppDB } from '../db/app-db';
import { actionsRepo } from '../db/repos/actions';
import { CodedError } from '../messaging/errors';
import type { Sender } from '../messaging/router';
import type { CrmId } from '../schemas/enums';
import { pageUrlOf, recordOfUrl, tabOf } from './overlay-resolve';
import { sameRecord, TabBindings, type TabBinding } from './overlay-tabs';

export const tabBindings = new TabBindings();

type CustomDomains = readonly { crm: CrmId; host: string }[];

/** The binding of the sender's tab and frame, if its page still shows the record it resolved. */
export function currentBinding(sender: Sender, customDomains: CustomDomains): TabBinding {
  const { tabId, frameId } = tabOf(sender);
  const binding = tabBindings.get(tabId, frameId);
  const record = recordOfUrl(pageUrlOf(sender), customDomains);
  if (!binding || !record || !sameRecord(binding.record, record)) throw new CodedError('overlay.not-this-record');
  return binding;
}

/** The customer the sender's tab resolved to (an exact match), else an error. */
export function boundCustomer(sender: Sender, customDomains: CustomDomains): string {
  const { customerId } = currentBinding(sender, customDomains);
  if (!customerId) throw new CodedError('overlay.not-this-record');
  return customerId;
}

/** A content script may act only on an action of its tab's customer. */
export async function assertTabAction(db: AppDB, sender: Sender, actionId: string, customDomains: CustomDomains): Promise<void> {
  const customerId = boundCustomer(sender, customDomains);
  const action = await actionsRepo(db).get(actionId);
  if (!action || action.customerId !== customerId) throw new CodedError('overlay.not-this-record', undefined, 'actionId');
}
