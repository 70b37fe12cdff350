import { describe, expect, it } from 'vitest';
import { activityTag, activityTime, bodyOf, hasActivityTag, keyInText, stripActivityTag, subjectOf } from '../../../lib/sync/activity-key';
import { ParentIndex } from '../../../lib/sync/parents';
import { BatchCollector, dayOf, dayOfEpochMs, domainOf, MalformedRecord } from '../../../lib/sync/rows';
import { ConnectorError, type ActivityDraft } from '../../../lib/sync/types';

const customer = (over: object = {}) => ({
  id: 'zoho:account:1',
  name: 'A',
  emails: [],
  createdAt: '2026-01-02',
  crmRefs: [{ crm: 'zoho', objectType: 'account', id: '1' }],
  ...over,
});

describe('BatchCollector', () => {
  it('keeps valid rows, names rows failing their schema or throwing as skipped, and carries counts across pages', () => {
    const col = new BatchCollector();
    const key = (id: string) => ({ objectType: 'account' as const, id });
    col.seen(5);
    col.add('customers', key('1'), () => customer() as never);
    col.add('customers', key('2'), () => customer({ createdAt: '02/01/2026' }) as never);
    col.add('customers', key('3'), () => {
      throw new MalformedRecord('id: missing id');
    });
    col.add('customers', key('4'), () => {
      throw new TypeError('x is undefined');
    });
    col.add('customers', key('5'), () => undefined);
    col.tagged('int-1', '00T1');
    col.tagged(undefined, '00T2');
    const b = col.take({ phase: 1 });
    expect(b.customers).toHaveLength(1);
    expect(b.progress).toEqual({ read: 5, skipped: 3 });
    expect(b.skipped).toEqual([
      { record: key('2'), reason: 'createdAt: expected a yyyy-MM-dd date' },
      { record: key('3'), reason: 'id: missing id' },
      { record: key('4'), reason: 'unreadable record' },
    ]);
    expect(b.tagged).toEqual([{ key: 'int-1', id: '00T1' }]);
    col.seen();
    col.deleted({ objectType: 'account', id: '9' });
    expect(col.take({ phase: 2 })).toMatchObject({
      customers: [],
      deleted: [{ objectType: 'account', id: '9' }],
      cursor: { phase: 2 },
      progress: { read: 6, skipped: 3 },
    });
    expect(col.take({ phase: 3 })).not.toHaveProperty('skipped');
  });
});

describe('dates', () => {
  it('reads the CRM user’s own day from a zoned date-time and refuses impossible days', () => {
    expect(dayOf('2026-11-19T23:30:00+08:00', 'x')).toBe('2026-11-19');
    expect(dayOf('2026-11-19', 'x')).toBe('2026-11-19');
    expect(() => dayOf('2026-02-30', 'Closing_Date')).toThrow('Closing_Date: not a date');
    expect(() => dayOf('20261119', 'x')).toThrow(MalformedRecord);
    expect(() => dayOf(1763510400000, 'x')).toThrow(MalformedRecord);
  });

  it('reads an epoch-ms time as a China Standard Time day', () => {
    expect(dayOfEpochMs(Date.parse('2026-11-19T17:00:00Z'), 480, 't')).toBe('2026-11-20');
    expect(dayOfEpochMs('1763542800000', 480, 't')).toBe('2025-11-19');
    expect(() => dayOfEpochMs('soon', 480, 'create_time')).toThrow('create_time: not a timestamp');
  });

  it('never dates a logged activity in the future', () => {
    const d = { date: '2026-11-20' } as ActivityDraft;
    expect(activityTime(d, Date.parse('2026-11-20T09:00:00Z'))).toBe(Date.parse('2026-11-20T08:59:00Z'));
    expect(activityTime({ date: '2026-11-19' } as ActivityDraft, Date.parse('2026-11-20T09:00:00Z'))).toBe(Date.parse('2026-11-19T12:00:00Z'));
    expect(() => activityTime({ date: '2026-13-01' } as ActivityDraft, 0)).toThrow('draft.date');
  });
});

describe('text and keys', () => {
  it('takes a website’s host as the domain', () => {
    expect(domainOf('https://www.Acme.com/about')).toBe('acme.com');
    expect(domainOf('www.acme.co.uk')).toBe('acme.co.uk');
    expect(domainOf('javascript:alert(1)')).toBeUndefined();
    expect(domainOf('n/a')).toBeUndefined();
  });

  it('tags keys so they can be found again, and refuses keys that could break a query', () => {
    expect(activityTag('6c1f0a9e-2f4b')).toBe('[Rapport 6c1f0a9e-2f4b]');
    expect(keyInText('Renewal call [Rapport 6c1f0a9e-2f4b]')).toBe('6c1f0a9e-2f4b');
    expect(keyInText('no tag')).toBeUndefined();
    expect(stripActivityTag('Renewal call [Rapport 6c1f0a9e-2f4b]')).toBe('Renewal call');
    expect(hasActivityTag('<p>[Rapport k-1]</p>', 'k-1')).toBe(true);
    expect(hasActivityTag('<p>[Rapport k-10]</p>', 'k-1')).toBe(false);
    for (const bad of ["x' or '1'='1", 'a%', '', 'a]b', 'a_b', 'x'.repeat(81)]) expect(() => activityTag(bad)).toThrow(ConnectorError);
  });

  it('builds subject and body from the draft', () => {
    const d = { date: '2026-11-19', summary: `${'x'.repeat(50)}\nsecond line`, nextStep: 'Call back', nextStepDue: '2026-11-21' } as ActivityDraft;
    expect(subjectOf(d, 20)).toBe(`${'x'.repeat(19)}…`);
    expect(subjectOf({ ...d, summary: '' }, 20)).toBe('2026-11-19');
    expect(bodyOf(d)).toBe(`${'x'.repeat(50)}\nsecond line\n\n→ Call back (2026-11-21)`);
  });
});

describe('ParentIndex', () => {
  it('resolves accounts directly, remembered parents without a request, others fetched once; gone parents resolve to none', async () => {
    const asked: string[] = [];
    const idx = new ParentIndex('Accounts', {
      Deals: async (id) => {
        asked.push(id);
        if (id === 'gone') throw new ConnectorError('not-found', 'HTTP 404');
        return `acc-of-${id}`;
      },
    });
    idx.note('Deals', 'd1', 'a1');
    await idx.prefetch([
      { table: 'Deals', id: 'd1' },
      { table: 'Deals', id: 'd2' },
      { table: 'Deals', id: 'd2' },
      { table: 'Deals', id: 'gone' },
      { table: 'Leads', id: 'l1' },
      undefined,
    ]);
    expect(asked).toEqual(['d2', 'gone']);
    expect(
      [
        { table: 'Accounts', id: 'x' },
        { table: 'Deals', id: 'd1' },
        { table: 'Deals', id: 'd2' },
        { table: 'Deals', id: 'gone' },
        { table: 'Leads', id: 'l1' },
      ].map((r) => idx.accountOf(r)),
    ).toEqual(['x', 'a1', 'acc-of-d2', undefined, undefined]);
  });

  it('lets other errors through (a sync must not map activities against a CRM that is down)', async () => {
    const idx = new ParentIndex('account', { contact: async () => Promise.reject(new ConnectorError('unavailable', 'HTTP 503')) });
    await expect(idx.prefetch([{ table: 'contact', id: 'c' }])).rejects.toMatchObject({ code: 'unavailable' });
  });
});
