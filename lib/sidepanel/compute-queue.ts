/**
 * The compute Worker's order of work. The Worker is one thread: a slow job (the `clv` KPI refits
 * the purchase models for a past period; its 12-period trend refits them 12 times) must not hold
 * up what the rep is looking at. So: the quick requests (KPIs, goals, baseline, warm-up) go first,
 * then `clv`, then the CLV trend, computed one period at a time so a new quick request is served
 * between periods; and a newer request of the KPI view's kinds supersedes a queued older one
 * (the view no longer waits for it).
 */
import type { ComputeRequest } from './compute';
import type { WorkerReply, WorkerRequest } from './compute-client';

const PRIORITY: Record<ComputeRequest['kind'], number> = { warm: 0, kpis: 0, goals: 0, baseline: 0, clv: 1, 'clv-trend': 2 };
/** Kinds where only the newest request matters. */
const LATEST_WINS: ReadonlySet<ComputeRequest['kind']> = new Set(['kpis', 'clv', 'clv-trend']);

interface Job extends WorkerRequest {
  /** CLV trend values so far (one per period). */
  done?: (number | null)[];
}

export type Exec = (job: WorkerRequest) => Promise<unknown>;

export function computeQueue(exec: Exec, reply: (r: WorkerReply) => void, defer: (f: () => void) => void = (f) => setTimeout(f, 0)) {
  const queue: Job[] = [];
  let busy = false;

  const next = (): Job | undefined => {
    let best = -1;
    for (let i = 0; i < queue.length; i++) if (best < 0 || PRIORITY[queue[i]!.req.kind] < PRIORITY[queue[best]!.req.kind]) best = i;
    return best < 0 ? undefined : queue.splice(best, 1)[0];
  };

  const step = async (job: Job): Promise<void> => {
    try {
      if (job.req.kind === 'clv-trend') {
        const done = job.done ?? [];
        const period = job.req.trend[done.length];
        if (period) {
          const [v] = (await exec({ ...job, req: { kind: 'clv-trend', trend: [period] } })) as (number | null)[];
          done.push(v ?? null);
        }
        if (done.length < job.req.trend.length) {
          queue.push({ ...job, done });
          return;
        }
        reply({ id: job.id, ok: true, result: done });
        return;
      }
      reply({ id: job.id, ok: true, result: await exec(job) });
    } catch (err) {
      reply({ id: job.id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  };

  const pump = (): void => {
    if (busy) return;
    const job = next();
    if (!job) return;
    busy = true;
    void step(job).finally(() => {
      busy = false;
      // let newly arrived requests into the queue before choosing the next job
      defer(pump);
    });
  };

  return {
    push(job: WorkerRequest): void {
      if (LATEST_WINS.has(job.req.kind))
        for (let i = queue.length - 1; i >= 0; i--)
          if (queue[i]!.req.kind === job.req.kind) reply({ id: queue.splice(i, 1)[0]!.id, ok: false, error: 'superseded' });
      queue.push(job);
      pump();
    },
    /** Jobs waiting (tests). */
    get waiting(): number {
      return queue.length;
    },
  };
}
