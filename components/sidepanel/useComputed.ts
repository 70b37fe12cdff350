/**
 * Book-wide computations (KPIs, goal progress) run through the context's Computer — a Worker
 * in the extension — and are redone only when the request or the data changes.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReadDb } from '../../lib/db/read-db';
import { onTablesChanged } from '../../lib/db/changes';
import { DATA_TABLES } from '../../lib/db/tables';
import type { ComputeRequest, ComputeResults } from '../../lib/sidepanel/compute';
import { useErrorText, useSettings } from '../common';
import { useSidePanel } from './context';

/** Tables whose writes can change a book-wide computation (meta: the book model comes with the scores). */
const BOOK_PARTS = DATA_TABLES.filter((t) => t !== 'meta');

/**
 * A version that changes whenever the book's tables are written: Dexie reports every committed
 * write (the background's reach the page over a BroadcastChannel), so nothing is read to know
 * it — counting rows would walk every table on each panel open.
 */
export function useDataVersion(db: ReadDb, active = true): string | null {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    return onTablesChanged(BOOK_PARTS, () => setVersion((v) => v + 1), db.name);
  }, [db, active]);
  return active ? String(version) : null;
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
 * Load the book into the compute Worker (and index it) a while after the panel has shown its
 * first content (`enabled`), so the goal view and the KPI view's CLV find it ready instead of
 * waiting for it on their first request. Reading the whole book competes with every other read
 * of the panel (measured: a KPI view opened meanwhile waited seconds for its one row), so it
 * waits until the rep has settled on a view. Off for inline computers (tests).
 */
const WARM_AFTER_MS = 3_000;

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
