/**
 * A quick-log written back to a CRM carries our idempotency key (the local interaction id) as a
 * short tag, `[Rapport <key>]`, in a text field the CRM lets us search or read back
 * (docs/crm-apis/<crm>.md names the field per CRM). After an uncertain write the outbox calls
 * `findActivity`, which looks for the tag; a synced copy of our own activity is recognised by it
 * (`ChangeBatch.tagged`) and shows without it. The rest of this file builds what every connector
 * writes from an ActivityDraft: subject, body with the next step, and the time it happened.
 */
import { isRealDay } from './rows';
import { ConnectorError, type ActivityDraft } from './types';

/** Keys are our interaction ids: short, and safe inside a SOQL/COQL LIKE, a search filter, HTML and URLs. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9.:-]{0,79}$/;

export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new ConnectorError('rejected', 'draft.key: expected 1–80 letters, digits, ".", ":" or "-"');
  return key;
}

export const activityTag = (key: string): string => `[Rapport ${checkKey(key)}]`;

const TAG = /\[Rapport ([A-Za-z0-9][A-Za-z0-9.:-]{0,79})\]/;
const TAGS = new RegExp(`\\s*${TAG.source}`, 'g');

/** The key of a tag found in a CRM text field, if any. */
export const keyInText = (v: unknown): string | undefined => (typeof v === 'string' ? TAG.exec(v)?.[1] : undefined);

/** The text without our tags (a synced copy of our own activity reads like the rep wrote it). */
export const stripActivityTag = (text: string): string => text.replace(TAGS, '').trim();

/** Whether `text` carries the tag of `key`. */
export const hasActivityTag = (text: unknown, key: string): boolean => typeof text === 'string' && text.includes(activityTag(key));

/** `→ <next step> (<due>)`: a symbol and an ISO date, so nothing untranslated lands in the CRM; undefined without a next step. */
export function nextStepLine(draft: Pick<ActivityDraft, 'nextStep' | 'nextStepDue'>): string | undefined {
  const step = draft.nextStep?.trim();
  return step ? `→ ${step}${draft.nextStepDue ? ` (${draft.nextStepDue})` : ''}` : undefined;
}

/** The activity's subject: the summary's first line (or the date when empty), at most `max` characters. */
export function subjectOf(draft: ActivityDraft, max: number): string {
  const first = draft.summary.trim().split(/\r?\n/, 1)[0]!.trim() || draft.date;
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}

/** The activity's body: the summary, then the next step (with its due date) as its own paragraph. */
export function bodyOf(draft: ActivityDraft): string {
  const next = nextStepLine(draft);
  return next ? `${draft.summary.trim()}\n\n${next}` : draft.summary.trim();
}

/** The draft's date, checked: a yyyy-MM-dd calendar day. */
export function draftDate(draft: Pick<ActivityDraft, 'date'>): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || !isRealDay(draft.date)) throw new ConnectorError('rejected', 'draft.date: expected a yyyy-MM-dd date');
  return draft.date;
}

/**
 * When the logged activity happened, as epoch ms: noon UTC of the draft's day (the same calendar
 * day from UTC−11 to UTC+11), but never in the future (a future start would make it a scheduled
 * activity, not a completed one).
 */
export function activityTime(draft: Pick<ActivityDraft, 'date'>, now: number): number {
  return Math.min(Date.parse(`${draftDate(draft)}T12:00:00Z`), now - 60_000);
}
