/**
 * Waiting for the CRM to render something: a debounced MutationObserver that re-checks a
 * finder, resolved with the element or null on timeout / abort. Only runs while waiting.
 */
export function waitFor<T>(find: () => T | null, signal: AbortSignal, timeoutMs: number): Promise<T | null> {
  const now = find();
  if (now || signal.aborted) return Promise.resolve(now);
  return new Promise((resolve) => {
    let scheduled = false;
    const done = (v: T | null): void => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    };
    const onAbort = (): void => done(null);
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        const hit = find();
        if (hit) done(hit);
      });
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => done(find()), timeoutMs);
    signal.addEventListener('abort', onAbort);
  });
}

/** Call `fn` (debounced to one call per frame) whenever the page's DOM changes, until aborted. */
export function onDomChange(fn: () => void, signal: AbortSignal, ignore: (n: Node) => boolean): void {
  let pending = false;
  const observer = new MutationObserver((records) => {
    if (pending || records.every((r) => ignore(r.target))) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (!signal.aborted) fn();
    });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
}
