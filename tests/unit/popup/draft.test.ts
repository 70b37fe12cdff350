import { describe, expect, it } from 'vitest';
import { clearDraft, draftKey, draftsItem, latestDraft, loadDraft, saveDraft } from '../../../lib/popup/draft';
import { emptyDraft, toPayload, validateDraft } from '../../../lib/popup/quicklog-form';
import { isCalendarDate, quickLogField } from '../../../lib/popup/field-errors';

const DAY = 86_400_000;
const globex = { id: 'C-1002', name: 'Globex Industrial' };

describe('quick-log drafts', () => {
  it('keeps one draft per customer, drops empty and stale ones, and clears on request', async () => {
    const now = 1_800_000_000_000;
    await saveDraft(draftKey('C-1002'), { ...emptyDraft(globex), summary: 'half a note' }, now - 20 * DAY);
    await saveDraft(draftKey(undefined), { ...emptyDraft(), contact: 'Dana' }, now - DAY);
    await saveDraft(draftKey('C-1003'), emptyDraft({ id: 'C-1003', name: 'Initech' }), now); // nothing typed: not kept
    expect(Object.keys(await draftsItem.getValue())).toEqual(['no-customer']); // the 20-day-old one was pruned
    await saveDraft(draftKey('C-1002'), { ...emptyDraft(globex), summary: 'fresh' }, now);
    expect((await loadDraft('customer:C-1002', now))?.summary).toBe('fresh');
    expect((await latestDraft(now))?.key).toBe('customer:C-1002');
    expect(await loadDraft('customer:C-1002', now + 15 * DAY)).toBeNull();
    await clearDraft('customer:C-1002');
    expect(await loadDraft('customer:C-1002', now)).toBeNull();
    expect((await loadDraft('no-customer', now))?.contact).toBe('Dana');
  });
});

describe('quick-log form rules', () => {
  const d = { ...emptyDraft(globex), summary: ' Met ', feedbackKind: 'nps' as const, feedbackScore: '0', contact: ' Dana ', contactIsDecisionMaker: true };

  it('builds the logInteraction payload', () => {
    expect(validateDraft(d, '2026-11-20', '2026-11-20')).toEqual({});
    expect(toPayload(d, '2026-11-20')).toEqual({
      clientId: d.clientId,
      customerId: 'C-1002',
      date: '2026-11-20',
      channel: 'call',
      direction: 'outbound',
      summary: 'Met',
      contact: 'Dana',
      contactIsDecisionMaker: true,
      feedback: { kind: 'nps', score: 0 },
    });
  });

  it('every new draft has its own save id, kept with the draft', () => {
    expect(emptyDraft().clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emptyDraft().clientId).not.toBe(emptyDraft().clientId);
  });

  it.each([
    [{ customerId: undefined }, '2026-11-20', 'customerId', 'popup.error.customer'],
    [{}, '2026-11-21', 'date', 'popup.error.date'],
    [{}, '2026-02-29', 'date', 'popup.error.date'],
    [{ nextStepDue: '2026-11-19' }, '2026-11-20', 'nextStepDue', 'popup.error.nextStepDue'],
    [{ nextStepDue: '2026-11-30' }, '2026-11-20', 'nextStep', 'popup.error.nextStep'],
    [{ feedbackKind: 'csat' as const, feedbackScore: '0' }, '2026-11-20', 'feedback.score', 'popup.error.csat'],
    [{ feedbackScore: '11' }, '2026-11-20', 'feedback.score', 'popup.error.nps'],
    [{ feedbackScore: '7.5' }, '2026-11-20', 'feedback.score', 'popup.error.nps'],
  ])('%o on %s → %s', (over, date, field, key) => {
    expect(validateDraft({ ...d, ...over }, date, '2026-11-20')).toEqual({ [field]: key });
  });

  it('takes the field a background error names, if it is a quick-log field', () => {
    expect(quickLogField('summary')).toBe('summary');
    expect(quickLogField('feedback.score')).toBe('feedback.score');
    expect(quickLogField('nextStepDue')).toBe('nextStepDue');
    expect(quickLogField('actionId')).toBeUndefined();
    expect(quickLogField(undefined)).toBeUndefined();
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
  });
});
