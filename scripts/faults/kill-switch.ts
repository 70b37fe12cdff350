/**
 * A simulated crash for the fault runner. IndexedDB commits a transaction whole or not at all, so
 * killing the browser or the service worker at any moment is the same, for the database, as this:
 * at the k-th write request the transaction in flight is aborted and every later database call of
 * that "process" fails. The next `AppDB` opened on the same database is the restarted extension.
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';

export class Killed extends Error {
  override name = 'Killed';
}

export interface KillSwitch {
  middleware: Middleware<DBCore>;
  /** Writes seen since `arm` (a clean run's count is the number of kill points). */
  readonly writes: number;
  /** Count from zero and die at write `at` (Infinity: never). */
  arm(at: number): void;
  readonly dead: boolean;
}

export function killSwitch(): KillSwitch {
  let writes = 0;
  let at = Number.POSITIVE_INFINITY;
  let dead = false;
  const guard = <T>(f: () => Promise<T>): Promise<T> => (dead ? Promise.reject(new Killed()) : f());
  const wrap = (t: DBCoreTable): DBCoreTable => ({
    ...t,
    get: (r) => guard(() => t.get(r)),
    getMany: (r) => guard(() => t.getMany(r)),
    query: (r) => guard(() => t.query(r)),
    openCursor: (r) => guard(() => t.openCursor(r)),
    count: (r) => guard(() => t.count(r)),
    mutate: (req) => {
      if (dead) return Promise.reject(new Killed());
      if (++writes >= at) {
        dead = true;
        try {
          (req.trans as unknown as IDBTransaction).abort();
        } catch {
          // already finished: nothing of it is lost or kept beyond what IndexedDB committed
        }
        return Promise.reject(new Killed());
      }
      return t.mutate(req);
    },
  });
  return {
    middleware: { stack: 'dbcore', name: 'faults-kill-switch', level: 10, create: (down) => ({ ...down, table: (n) => wrap(down.table(n)) }) },
    get writes() {
      return writes;
    },
    arm(k: number) {
      writes = 0;
      at = k;
      dead = false;
    },
    get dead() {
      return dead;
    },
  };
}

/** `n` kill points spread evenly over 1…total (all of them when total ≤ n). */
export function killPoints(total: number, n: number): number[] {
  if (total <= n) return Array.from({ length: total }, (_, i) => i + 1);
  return Array.from({ length: n }, (_, i) => 1 + Math.round((i * (total - 1)) / (n - 1)));
}
