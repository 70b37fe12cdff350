/**
 * The quick-log's fields: the background's errors name one of these in their `field`
 * (lib/messaging/errors.ts), so the popup shows the error next to it.
 */
export const QUICK_LOG_FIELDS = [
  'customerId',
  'date',
  'channel',
  'direction',
  'summary',
  'sentiment',
  'contact',
  'contactIsDecisionMaker',
  'nextStep',
  'nextStepDue',
  'feedback.kind',
  'feedback.score',
  'feedback.comment',
] as const;

export type QuickLogField = (typeof QUICK_LOG_FIELDS)[number];

/** The quick-log field an error is about, if it names one. */
export const quickLogField = (field: string | undefined): QuickLogField | undefined =>
  (QUICK_LOG_FIELDS as readonly string[]).includes(field ?? '') ? (field as QuickLogField) : undefined;

/** True for a real calendar day in `yyyy-MM-dd` form (rejects 2025-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Where focus goes after a failed check: the first field, in the form's order, with an error. */
export const FIELD_FOCUS_ORDER: readonly QuickLogField[] = [
  'customerId',
  'summary',
  'contact',
  'date',
  'nextStep',
  'nextStepDue',
  'feedback.kind',
  'feedback.score',
  'feedback.comment',
];
