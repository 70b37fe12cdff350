/**
 * A tiny element builder for the content script (no framework: the bundle stays small).
 * Children are nodes or strings; strings always become text nodes — never parsed as HTML.
 */
type Child = Node | string | null | undefined | false;

type Tag<K extends string> = K extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[K] : HTMLElement;

export function h<K extends string>(tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]): Tag<K> {
  const el = document.createElement(tag) as Tag<K>;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}
