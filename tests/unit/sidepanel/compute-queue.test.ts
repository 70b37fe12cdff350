import { describe, expect, it, vi } from 'vitest';
import { computeQueue } from '../../../lib/sidepanel/compute-queue';
import type { WorkerReply, WorkerRequest } from '../../../lib/sidepanel/compute-client';

const P = (m: number) => ({ start: `2026-0${m}-01`, end: `2026-0${m + 1}-01` });
/** Until the queue has answered `n` requests (timers are real: the queue yields between jobs). */
const answered = (replies: unknown[], n: number) => vi.waitFor(() => expect(replies).toHaveLength(n), { timeout: 5_000 });

function harness() {
  const calls: string[] = [];
  const replies: WorkerReply[] = [];
  const q = computeQueue(
    async (job: WorkerRequest) => {
      calls.push(job.req.kind === 'clv-trend' ? `trend ${job.req.trend[0]!.start}` : `${job.req.kind} ${job.id}`);
      await Promise.resolve();
      return job.req.kind === 'clv-trend' ? [Number(job.req.trend[0]!.start.slice(5, 7))] : job.id;
    },
    (r) => replies.push(r),
  );
  const push = (id: number, req: WorkerRequest['req']) => q.push({ id, version: 'v', scoring: undefined, req });
  return { calls, replies, push };
}

describe('computeQueue', () => {
  it('serves a quick request between the periods of a CLV trend, and answers the trend whole', async () => {
    const h = harness();
    h.push(1, { kind: 'clv-trend', trend: [P(1), P(2), P(3)] });
    h.push(2, { kind: 'kpis', period: P(4), compare: P(3), trend: [P(4)] });
    await answered(h.replies, 2);
    expect(h.calls).toEqual(['trend 2026-01-01', 'kpis 2', 'trend 2026-02-01', 'trend 2026-03-01']);
    expect(h.replies).toEqual([
      { id: 2, ok: true, result: 2 },
      { id: 1, ok: true, result: [1, 2, 3] },
    ]);
  });

  it('a newer request of the KPI view supersedes a queued older one; goals are all answered', async () => {
    const h = harness();
    h.push(1, { kind: 'clv', period: P(1), compare: P(2) });
    h.push(2, { kind: 'clv', period: P(2), compare: P(3) });
    h.push(3, { kind: 'goals', goals: [], asOf: '2026-05-01' });
    h.push(4, { kind: 'clv', period: P(3), compare: P(4) });
    h.push(5, { kind: 'goals', goals: [], asOf: '2026-05-02' });
    await answered(h.replies, 5);
    expect(h.replies.find((r) => r.id === 2)).toEqual({ id: 2, ok: false, error: 'superseded' });
    // quick requests first, then the newest CLV
    expect(h.calls).toEqual(['clv 1', 'goals 3', 'goals 5', 'clv 4']);
  });

  it('an error is answered as an error', async () => {
    const replies: WorkerReply[] = [];
    const q = computeQueue(
      () => Promise.reject(new Error('no book')),
      (r) => replies.push(r),
    );
    q.push({ id: 7, version: 'v', scoring: undefined, req: { kind: 'warm' } });
    await answered(replies, 1);
    expect(replies).toEqual([{ id: 7, ok: false, error: 'no book' }]);
  });
});
