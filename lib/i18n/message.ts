/**
 * Filling a catalog sentence in a locale — the one place pages turn params into text:
 *
 * - `{name}` → the param as text. A number is written the locale's way (`2,406`); an ISO calendar
 *   date (`2025-03-04`) is written as the locale writes dates (`Mar 4, 2025`, `2025年3月4日`), so no
 *   sentence shows an ISO date; anything else is inserted as given (plain text, never markup).
 * - `{name, plural, =0 {…} one {…} other {…}}` → the branch `Intl.PluralRules` picks for the
 *   number (an exact `=n` first), with `#` standing for the number written the locale's way.
 *   Chinese needs only `other`; English writes `one` and `other`.
 *
 * A placeholder without a param stays as written. The content script does not use this (it
 * keeps its own `{name}` filler, lib/overlay/i18n.ts), so the catalogs it reads — common,
 * scoring, overlay, errors — use no plural blocks.
 */
import type { Locale } from './index';

export type MessageParams = Record<string, string | number>;

export const localeTagOf = (locale: Locale): string => (locale === 'zh_CN' ? 'zh-CN' : 'en');

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO `yyyy-MM-dd` that names a real calendar day, as a UTC midnight; otherwise null. */
export function isoDay(s: string): Date | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

const cached = <T>(map: Map<string, T>, key: string, make: () => T): T => {
  let v = map.get(key);
  if (!v) map.set(key, (v = make()));
  return v;
};

export const numberText = (n: number, locale: Locale): string => cached(numberFormats, locale, () => new Intl.NumberFormat(localeTagOf(locale))).format(n);

/** A calendar day (ISO) as the locale writes it, computed in UTC so no zone shifts the day. */
export function dayText(iso: string, locale: Locale): string {
  const d = isoDay(iso);
  if (!d) return iso;
  return cached(dateFormats, locale, () => new Intl.DateTimeFormat(localeTagOf(locale), { timeZone: 'UTC', dateStyle: 'medium' })).format(d);
}

const valueText = (v: string | number, locale: Locale): string => (typeof v === 'number' ? numberText(v, locale) : isoDay(v) ? dayText(v, locale) : v);

/** The index of the `}` closing the `{` at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `=0 {…} one {…} other {…}` → { '=0': '…', one: '…', other: '…' }. */
function branches(s: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < s.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(s.slice(i));
    if (!m) return s.slice(i).trim() === '' ? out : null;
    const open = i + m[0].length - 1;
    const close = closing(s, open);
    if (close < 0) return null;
    out[m[1]!] = s.slice(open + 1, close);
    i = close + 1;
  }
  return out;
}

function plural(value: string | number | undefined, body: string, params: MessageParams, locale: Locale): string | null {
  // A caller may pass the count already written with group separators ("2,406").
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.replace(/[,\s\u00a0]/g, '')) : NaN;
  const options = branches(body);
  if (!options || !Number.isFinite(n)) return null;
  const rule = cached(pluralRules, locale, () => new Intl.PluralRules(localeTagOf(locale))).select(n);
  const chosen = options[`=${n}`] ?? options[rule] ?? options.other;
  if (chosen === undefined) return null;
  return formatMessage(chosen.replace(/#/g, numberText(n, locale)), params, locale);
}

export function formatMessage(template: string, params: MessageParams | undefined, locale: Locale): string {
  if (!params || !template.includes('{')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = closing(template, open);
    if (close < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, close);
    const simple = /^(\w+)$/.exec(inner);
    const pl = /^(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    let text: string | null = null;
    if (simple && Object.hasOwn(params, simple[1]!)) text = valueText(params[simple[1]!]!, locale);
    else if (pl) text = plural(params[pl[1]!], pl[2]!, params, locale);
    out += text ?? template.slice(open, close + 1);
    i = close + 1;
  }
  return out + template.slice(i);
}

/** The placeholders a sentence names (`{name}` and the variable of each plural block). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)(?:\}|\s*,\s*plural\s*,)/g)].map((m) => m[1]!);
}
