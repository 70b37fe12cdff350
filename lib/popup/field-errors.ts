/**
 * Background errors name the field they are about (`summary: …`, the router's zod messages
 * `Invalid "logInteraction" message: feedback.score: …`). The popup maps them back to the
 * field so the error shows next to it.
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

/** The first quick-log field an error message names, if any. */
export function fieldOfError(message: string): QuickLogField | undefined {
  let best: { field: QuickLogField; at: number } | undefined;
  for (const field of QUICK_LOG_FIELDS) {
    const re = new RegExp(`(?:^|[\\s;:])${field.replace('.', '\\.')}:`);
    const m = re.exec(message);
    if (m && (!best || m.index < best.at || (m.index === best.at && field.length > best.field.length))) best = { field, at: m.index };
  }
  return best?.field;
}

/** True for a real calendar day in `yyyy-MM-dd` form (rejects 2025-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
