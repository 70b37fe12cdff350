/**
 * Book-wide computations (KPIs, goal progress) run through the context's Computer — a Worker
 * in the extension — and are redone only when the request or the data changes.
 */
import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReadDb } from '../../lib/db/read-db';
import { dataRepo } from '../../lib/db/repos/data';
import type { ComputeRequest, ComputeResults } from '../../lib/sidepanel/compute';
import { useErrorText, useSettings } from '../shared';
import { useSidePanel } from './context';

/**
 * A version that changes whenever the book's tables are written: the live query re-runs on
 * any write to them (the counts are cheap index reads), and each re-run is a new version.
 */
export function useDataVersion(db: ReadDb, active = true): string | null {
  const runs = useRef(0);
  const snapshot = useLiveQuery(async () => {
    if (!active) return undefined;
    const n = await dataRepo(db).counts();
    return [n.customers, n.transactions, n.interactions, n.feedback, n.scores, n.meta];
  }, [db, active]);
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    if (!snapshot) return;
    runs.current += 1;
    setVersion(`${runs.current}:${snapshot.join(',')}`);
  }, [snapshot]);
  return version;
}

export interface Computed<T> {
  result: T | undefined;
  error: string | null;
}

/** `key` identifies the request (period, goal ids…); null = nothing to compute. */
export function useComputed<R extends ComputeRequest>(req: R | null, key: string): Computed<ComputeResults[R['kind']]> {
  const { db, computer } = useSidePanel();
  const { scoring } = useSettings();
  const errorText = useErrorText();
  const version = useDataVersion(db);
  const [state, setState] = useState<{ key: string; result?: ComputeResults[R['kind']]; error: string | null }>({ key: '', error: null });
  const reqRef = useRef(req);
  reqRef.current = req;
  useEffect(() => {
    const current = reqRef.current;
    if (!current || version === null) return undefined;
    let live = true;
    computer.run(current, version, scoring).then(
      (result) => live && setState({ key, result, error: null }),
      (e: unknown) => live && setState({ key, error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [computer, key, version, scoring, errorText]);
  return state.key === key ? { result: state.result, error: state.error } : { result: undefined, error: null };
}

/**
 * Load the book into the compute Worker (and index it) shortly after the panel has shown its
 * first content (`enabled`), so the KPI and goal views find it ready instead of waiting for it on their
 * first request. Started earlier it competes with Today's own reads (measured: first content
 * slower). Off for inline computers (tests).
 */
const WARM_AFTER_MS = 300;

export function useWarmComputer(enabled: boolean): void {
  const { db, computer } = useSidePanel();
  const { scoring } = useSettings();
  // no reads at all until enabled: they would compete with the first content's
  const version = useDataVersion(db, enabled);
  useEffect(() => {
    if (!enabled || version === null) return undefined;
    const timer = setTimeout(() => void computer.run({ kind: 'warm' }, version, scoring).catch(() => undefined), WARM_AFTER_MS);
    return () => clearTimeout(timer);
  }, [enabled, computer, version, scoring]);
}
