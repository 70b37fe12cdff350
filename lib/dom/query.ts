/**
 * Querying CRM pages through ordered fallback selectors, descending into open shadow roots
 * (Salesforce LWC native shadow, HubSpot/Dynamics web components) when light DOM has nothing.
 */

/** All open shadow roots below `root`, breadth-first. */
function* shadowRoots(root: ParentNode): Generator<ShadowRoot> {
  const queue: ParentNode[] = [root];
  while (queue.length) {
    const node = queue.shift()!;
    const walker = (node instanceof Document ? node : ((node as Node).ownerDocument ?? document)).createTreeWalker(node as Node, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
      if (el.shadowRoot) {
        yield el.shadowRoot;
        queue.push(el.shadowRoot);
      }
    }
  }
}

/** First element matching any candidate (in order), light DOM first, then open shadow roots. */
export function queryFirst(root: ParentNode, candidates: readonly string[]): Element | null {
  for (const sel of candidates) {
    const hit = root.querySelector(sel);
    if (hit) return hit;
  }
  for (const sr of shadowRoots(root)) {
    for (const sel of candidates) {
      const hit = sr.querySelector(sel);
      if (hit) return hit;
    }
  }
  return null;
}

/** All elements matching the first candidate that matches anything (light DOM, then shadow roots). */
export function queryAll(root: ParentNode, candidates: readonly string[]): Element[] {
  for (const sel of candidates) {
    const hits = root.querySelectorAll(sel);
    if (hits.length) return [...hits];
  }
  for (const sr of shadowRoots(root)) {
    for (const sel of candidates) {
      const hits = sr.querySelectorAll(sel);
      if (hits.length) return [...hits];
    }
  }
  return [];
}

/** Visible = rendered with a box (CRMs keep hidden cached views/tabs in the DOM). */
export function isVisible(el: Element): boolean {
  return el.getClientRects().length > 0;
}

/** Prefer the visible match; fall back to the first when layout is unavailable (tests). */
export function pickVisible(els: Element[]): Element | null {
  return els.find(isVisible) ?? els[0] ?? null;
}

/** Trimmed, whitespace-folded text content; never HTML. */
export const textOf = (el: Element | null | undefined): string | undefined => {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};
