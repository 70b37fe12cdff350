/**
 * The quick-log form's plain logic: the empty draft, client-side checks (the same rules the
 * background enforces, so most mistakes are caught with a translated message before sending)
 * and the `logInteraction` payload.
 */
import type { MessagePayload } from '../schemas/messages';
import type { QuickLogDraft } from './draft';
import { isCalendarDate, type QuickLogField } from './field-errors';

export type QuickLogErrorKey =
  | 'popup.error.customer'
  | 'popup.error.summary'
  | 'popup.error.date'
  | 'popup.error.nextStepDue'
  | 'popup.error.nextStep'
  | 'popup.error.csat'
  | 'popup.error.nps';

export type QuickLogErrors = Partial<Record<QuickLogField, QuickLogErrorKey>>;

export function emptyDraft(customer?: { id: string; name: string }, clientId: string = crypto.randomUUID()): QuickLogDraft {
  return {
    clientId,
    ...(customer ? { customerId: customer.id, customerName: customer.name } : {}),
    channel: 'call',
    direction: 'outbound',
    summary: '',
    contact: '',
    contactIsDecisionMaker: false,
    nextStep: '',
    nextStepDue: '',
    feedbackKind: '',
    feedbackScore: '',
    feedbackComment: '',
    updatedAt: 0,
  };
}

const parseScore = (s: string): number | undefined => (/^\s*\d{1,2}\s*$/.test(s) ? Number(s) : undefined);

/** Field errors for a draft about to be saved on `date`, with `asOf` = today. Empty = valid. */
export function validateDraft(d: QuickLogDraft, date: string, asOf: string): QuickLogErrors {
  const e: QuickLogErrors = {};
  if (!d.customerId) e.customerId = 'popup.error.customer';
  if (!d.summary.trim()) e.summary = 'popup.error.summary';
  if (!isCalendarDate(date) || date > asOf) e.date = 'popup.error.date';
  if (d.nextStepDue) {
    if (!isCalendarDate(d.nextStepDue) || (isCalendarDate(date) && d.nextStepDue < date)) e.nextStepDue = 'popup.error.nextStepDue';
    else if (!d.nextStep.trim()) e.nextStep = 'popup.error.nextStep';
  }
  if (d.feedbackKind === 'csat') {
    const s = parseScore(d.feedbackScore);
    if (s === undefined || s < 1 || s > 5) e['feedback.score'] = 'popup.error.csat';
  } else if (d.feedbackKind === 'nps') {
    const s = parseScore(d.feedbackScore);
    if (s === undefined || s > 10) e['feedback.score'] = 'popup.error.nps';
  }
  return e;
}

/** The message payload for a valid draft (call `validateDraft` first). */
export function toPayload(d: QuickLogDraft, date: string): MessagePayload<'logInteraction'> {
  const score = parseScore(d.feedbackScore);
  const comment = d.feedbackComment.trim();
  return {
    ...(d.clientId ? { clientId: d.clientId } : {}),
    customerId: d.customerId ?? '',
    date,
    channel: d.channel,
    direction: d.direction,
    summary: d.summary.trim(),
    ...(d.sentiment ? { sentiment: d.sentiment } : {}),
    ...(d.contact.trim() ? { contact: d.contact.trim(), contactIsDecisionMaker: d.contactIsDecisionMaker } : {}),
    ...(d.nextStep.trim() ? { nextStep: d.nextStep.trim() } : {}),
    ...(d.nextStepDue ? { nextStepDue: d.nextStepDue } : {}),
    ...(d.feedbackKind
      ? {
          feedback: {
            kind: d.feedbackKind,
            ...(d.feedbackKind !== 'complaint' && score !== undefined ? { score } : {}),
            ...(comment ? { comment } : {}),
          },
        }
      : {}),
  };
}
