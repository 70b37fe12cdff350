/**
 * The one way adapters read CRM pages. A selector registry names each element (`'area.element'`)
 * and lists ordered candidates: first the current DOM, then older layouts. Alternatives that are
 * all current (a console and a standard app, an account and a contact header) share one
 * candidate as a selector list, so only a real fallback counts as drift.
 * A finder tries them in order with a predicate (shown, has text, or custom), in light DOM first,
 * then in open shadow roots (Salesforce LWC native shadow, HubSpot/Dynamics web components), and
 * notes which candidate answered so drift can be reported (lib/dom/drift.ts): key and candidate
 * index only — never a value or a text from the page.
 */
import { observe } from './drift';

export type SelectorRegistry = Readonly<Record<string, readonly string[]>>;
export type Predicate = (el: Element) => boolean;

/** Ways CRMs hide stale views: `hidden`, inline `display: none`, `aria-hidden`. */
const HIDDEN = '[hidden],[style*="display: none"],[style*="display:none"],[aria-hidden="true"]';

/** Rendered with a box and not inside a hidden view (CRMs keep cached views and closed panels in the DOM). */
export const shown: Predicate = (el) => el.getClientRects().length > 0 && !el.closest(HIDDEN);

/** Trimmed, whitespace-folded text content; never HTML. */
export const textOf = (el: Element | null | undefined): string | undefined => el?.textContent?.replace(/\s+/g, ' ').trim() || undefined;

export const shownWithText: Predicate = (el) => shown(el) && !!textOf(el);
export const anyElement: Predicate = () => true;

/** All open shadow roots below `root`, breadth-first. */
function shadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  for (let i = -1; i < found.length; i++) {
    const node = i < 0 ? root : found[i]!;
    const walker = ((node as Node).ownerDocument ?? (node as Document)).createTreeWalker(node as Node, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) if (el.shadowRoot) found.push(el.shadowRoot);
  }
  return found;
}

/**
 * The elements of the first candidate with a match passing `when` (only the first one unless
 * `all`), and that candidate's index (-1 when none matched). Light DOM first, then shadow roots.
 */
export function match(root: ParentNode, candidates: readonly string[], when: Predicate = anyElement, all = true): [Element[], number] {
  for (const scopes of [[root], null]) {
    const within = scopes ?? shadowRoots(root);
    for (let i = 0; i < candidates.length; i++) {
      const hits: Element[] = [];
      for (const scope of within)
        for (const el of scope.querySelectorAll(candidates[i]!))
          if (when(el)) {
            hits.push(el);
            if (!all) return [hits, i];
          }
      if (hits.length) return [hits, i];
    }
  }
  return [[], -1];
}

export interface Finder<K extends string> {
  /** The first element of the first candidate that has one passing `when`. */
  one(root: ParentNode, key: K, when?: Predicate, required?: boolean): Element | null;
  /** Every element (passing `when`) of the first candidate that has any. */
  all(root: ParentNode, key: K, when?: Predicate, required?: boolean): Element[];
  /** All candidates of a key as one selector list, for `closest()` and `matches()`. */
  list(key: K): string;
}

/**
 * A finder over one CRM's registry. `required` keys are reported when nothing matched once the
 * page has settled; every key is reported when only a later candidate matched.
 */
export function finder<K extends string>(crm: string, registry: Readonly<Record<K, readonly string[]>>): Finder<K> {
  const run = (root: ParentNode, key: K, when: Predicate | undefined, required: boolean | undefined, all: boolean): Element[] => {
    const candidates = registry[key];
    const [hits, index] = match(root, candidates, when, all);
    observe(crm, key, index, candidates.length, !!required);
    return hits;
  };
  return {
    one: (root, key, when, required) => run(root, key, when, required, false)[0] ?? null,
    all: (root, key, when, required) => run(root, key, when, required, true),
    list: (key) => registry[key].join(),
  };
}
