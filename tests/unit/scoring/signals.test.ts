import { describe, expect, it } from 'vitest';
import type { Action, Contact, Feedback, Interaction } from '../../../lib/schemas/domain';
import { relationshipSignals } from '../../../lib/scoring/signals';
import type { CustomerHistory } from '../../../lib/scoring/types';

const AS_OF = '2026-06-30';
let n = 0;
const ix = (date: string, extra: Partial<Interaction> = {}): Interaction => ({ id: `i${n++}`, customerId: 'c', date, channel: 'call', summary: 's', ...extra });
const fb = (date: string, kind: Feedback['kind'], score?: number): Feedback => ({
  id: `f${n++}`,
  customerId: 'c',
  date,
  kind,
  ...(score === undefined ? {} : { score }),
});
const person = (name: string, isDecisionMaker = false): Contact => ({ id: `p${n++}`, customerId: 'c', name, isDecisionMaker });
const history = (h: Partial<CustomerHistory> = {}): CustomerHistory => ({
  customer: { id: 'c', name: 'C', emails: [], createdAt: '2025-01-01', crmRefs: [] },
  transactions: [],
  interactions: [],
  feedback: [],
  contacts: [],
  actions: [],
  ...h,
});
const signals = (h: CustomerHistory, asOf = AS_OF) => relationshipSignals(h, asOf, '2025-01-01');

describe('relationship signals', () => {
  it('measures the contact gap from the latest contact, or from becoming a customer', () => {
    expect(signals(history({ interactions: [ix('2026-03-01')] }))).toMatchObject({ lastContact: '2026-03-01', contactGapDays: 121, contacted: true });
    expect(signals(history())).toMatchObject({ contacted: false, contactGapDays: 545 });
  });

  it('treats a done revisit as a contact, but not one done after the day asked about', () => {
    const done: Action = {
      id: 'c:revisit',
      customerId: 'c',
      kind: 'revisit',
      status: 'done',
      due: '2026-06-20',
      reason: 'r',
      createdAt: 0,
      updatedAt: Date.parse('2026-06-28T10:00:00Z'),
    };
    expect(signals(history({ actions: [done] })).lastContact).toBe('2026-06-28');
    // as of a past cut-off, a later decision is not known yet
    expect(signals(history({ actions: [done] }), '2026-04-01').contacted).toBe(false);
  });

  it('closes a complaint with a later positive interaction or good feedback, not an earlier one', () => {
    expect(signals(history({ interactions: [ix('2026-06-01', { sentiment: 'positive' })], feedback: [fb('2026-06-10', 'complaint')] })).openComplaints).toBe(1);
    expect(signals(history({ interactions: [ix('2026-06-20', { sentiment: 'positive' })], feedback: [fb('2026-06-10', 'complaint')] })).openComplaints).toBe(0);
    expect(signals(history({ feedback: [fb('2026-06-10', 'complaint'), fb('2026-06-15', 'csat', 5)] })).openComplaints).toBe(0);
    // closed or not, recent complaints are counted
    expect(signals(history({ feedback: [fb('2026-06-10', 'complaint'), fb('2026-06-15', 'csat', 5), fb('2025-06-01', 'complaint')] })).complaintsRecent).toBe(
      1,
    );
  });

  it('compares the last 90 days of interactions with the 90 before, and reads sentiment', () => {
    const s = signals(
      history({
        interactions: [
          ix('2026-02-01'),
          ix('2026-02-15'),
          ix('2026-03-01'),
          ix('2026-03-20'),
          ix('2026-06-01', { sentiment: 'negative' }),
          ix('2026-06-05', { sentiment: 'positive' }),
        ],
      }),
    );
    expect(s).toMatchObject({ interactionsRecent: 2, interactionsPrevious: 4, negative: 1, positive: 1, rated: 2, lastSentiment: 'positive' });
  });

  it('counts threads and decision-makers from contacts and from who was talked to', () => {
    const one = signals(history({ contacts: [person('Li Wei')], interactions: [ix('2026-06-20', { contact: 'li wei' })] }));
    expect(one).toMatchObject({ threads: 1, decisionMakers: 0 });
    const wide = signals(history({ contacts: [person('Li Wei'), person('Zhang San', true)], interactions: [ix('2026-06-20', { contact: 'Wang Wu' })] }));
    expect(wide).toMatchObject({ threads: 3, decisionMakers: 1 });
    const dm = signals(history({ interactions: [ix('2026-06-20', { contact: 'A', contactIsDecisionMaker: true }), ix('2026-06-21', { contact: 'B' })] }));
    expect(dm.decisionMakers).toBe(1);
  });

  it('ignores everything after the day asked about', () => {
    const s = signals(history({ interactions: [ix('2026-01-01'), ix('2026-07-15')], feedback: [fb('2026-07-01', 'complaint')] }));
    expect(s).toMatchObject({ lastContact: '2026-01-01', openComplaints: 0, complaintsRecent: 0 });
  });

  it('flags a promised next step that is overdue', () => {
    expect(signals(history({ interactions: [ix('2026-06-01', { nextStep: 'Send the quote', nextStepDue: '2026-06-20' })] })).overdueNextStep).toEqual({
      text: 'Send the quote',
      due: '2026-06-20',
    });
  });
});
