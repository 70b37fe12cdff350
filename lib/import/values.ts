/**
 * Cell values → canonical values: dates, amounts, enums (docs/import.md).
 * Pure functions, shared by the options page Worker, the CLI and the tests.
 */

export type DateOrder = 'dmy' | 'mdy';

export type DateResult =
  | { ok: true; iso: string }
  /** `a/b/yyyy` with both parts ≤ 12 and no file-wide order known yet. */
  | { ok: 'ambiguous' }
  | { ok: false; reason: string };

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function isRealDay(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= dim;
}

const ymd = (y: number, m: number, d: number): DateResult =>
  isRealDay(y, m, d) ? { ok: true, iso: `${pad(y, 4)}-${pad(m)}-${pad(d)}` } : { ok: false, reason: `"${y}-${pad(m)}-${pad(d)}" is not a real calendar day` };

const TIME = String.raw`(?:[T ]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?`;
const RE_ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const RE_YSLASH = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TIME}$`);
const RE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const RE_CJK = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$/u;
const RE_DOTS = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`);
const RE_SLASH = new RegExp(String.raw`^(\d{1,2})[/-](\d{1,2})[/-](\d{4})${TIME}$`);
const RE_SERIAL = /^\d{1,6}(?:\.\d+)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RE_DMONY = new RegExp(String.raw`^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})${TIME}$`);
const RE_MONDY = new RegExp(String.raw`^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})${TIME}$`);

const monthOf = (name: string): number => {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? 0 : i + 1;
};

/** Excel's day 1 is 1900-01-01, and it counts the non-existent 1900-02-29 (serial 60). */
function fromExcelSerial(serial: number): DateResult {
  const day = Math.floor(serial);
  if (day < 1 || day > 2_958_465 || day === 60) return { ok: false, reason: `"${serial}" is not a valid Excel date serial` };
  const offset = day < 60 ? day - 1 : day - 2;
  const iso = new Date(Date.UTC(1900, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  return { ok: true, iso };
}

/**
 * Parse a date cell. `order` settles `a/b/yyyy`; without it a cell with both parts ≤ 12 is
 * `ambiguous` (the caller decides per file from unambiguous values, or asks the user).
 */
export function parseDate(raw: string, order?: DateOrder): DateResult {
  const s = raw.trim();
  if (!s) return { ok: false, reason: 'date is empty' };
  let m: RegExpExecArray | null;
  if ((m = RE_ISO.exec(s)) || (m = RE_YSLASH.exec(s)) || (m = RE_COMPACT.exec(s)) || (m = RE_CJK.exec(s))) return ymd(+m[1]!, +m[2]!, +m[3]!);
  if ((m = RE_DOTS.exec(s))) return ymd(+m[3]!, +m[2]!, +m[1]!);
  if ((m = RE_SLASH.exec(s))) {
    const a = +m[1]!;
    const b = +m[2]!;
    const y = +m[3]!;
    if (order === 'dmy') return ymd(y, b, a);
    if (order === 'mdy') return ymd(y, a, b);
    if (a > 12 && b <= 12) return ymd(y, b, a);
    if (b > 12 && a <= 12) return ymd(y, a, b);
    if (a > 12 && b > 12) return { ok: false, reason: `"${s}" is not a real calendar day` };
    if (a === b) return ymd(y, a, b);
    return { ok: 'ambiguous' };
  }
  if ((m = RE_DMONY.exec(s)) && monthOf(m[2]!)) return ymd(+m[3]!, monthOf(m[2]!), +m[1]!);
  if ((m = RE_MONDY.exec(s)) && monthOf(m[1]!)) return ymd(+m[3]!, monthOf(m[1]!), +m[2]!);
  if (RE_SERIAL.test(s)) return fromExcelSerial(Number(s));
  return { ok: false, reason: `"${s}" is not a date` };
}

/** Which order an `a/b/yyyy` cell proves, if any: `dmy` when a > 12, `mdy` when b > 12. */
export function dateOrderEvidence(raw: string): DateOrder | undefined {
  const m = RE_SLASH.exec(raw.trim());
  if (!m) return undefined;
  const a = +m[1]!;
  const b = +m[2]!;
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return undefined;
}

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'CNY',
  '￥': 'CNY',
  'CN¥': 'CNY',
  RMB: 'CNY',
  元: 'CNY',
  '₹': 'INR',
  '₩': 'KRW',
  R$: 'BRL',
  A$: 'AUD',
  C$: 'CAD',
  HK$: 'HKD',
  S$: 'SGD',
  CHF: 'CHF',
};

export type AmountResult = { ok: true; value: number; currency?: string } | { ok: false; reason: string };

const RE_CODE = /^[A-Z]{3}$/;

/**
 * Parse an amount: currency symbols or ISO codes before/after, thousands separators
 * (`1,234.50`, `1.234,50`, `1 234,50`, `1'234.50`), a leading minus or accounting
 * parentheses for refunds. `N/A`, `12.5.3`, `1O0` are not numbers.
 */
export function parseAmount(raw: string): AmountResult {
  let s = raw.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (!s) return { ok: false, reason: 'amount is empty' };
  const bad = { ok: false as const, reason: `"${raw.trim()}" is not a number` };
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let currency: string | undefined;
  // Currency before or after the number, with or without a space; a minus may precede it.
  let signs = 0;
  if (s.startsWith('-')) {
    negative = !negative;
    signs++;
    s = s.slice(1).trim();
  }
  const lead = /^([A-Z]{3}|[A-Z]{0,2}[$€£¥￥₹₩]|RMB|CHF)\s*/u.exec(s);
  if (lead) {
    const sym = lead[1]!;
    currency = CURRENCY_SYMBOLS[sym] ?? (RE_CODE.test(sym) ? sym : undefined);
    if (!currency) return bad;
    s = s.slice(lead[0].length);
  }
  const trail = /\s*([A-Z]{3}|[$€£¥￥₹₩元]|RMB|CHF)$/u.exec(s);
  if (trail && !currency) {
    const sym = trail[1]!;
    currency = CURRENCY_SYMBOLS[sym] ?? (RE_CODE.test(sym) ? sym : undefined);
    if (!currency) return bad;
    s = s.slice(0, trail.index);
  }
  if (s.startsWith('-')) {
    if (signs > 0) return bad;
    negative = !negative;
    s = s.slice(1);
  }
  s = s.trim();
  if (!/^\d/.test(s) && !/^[.,]\d/.test(s)) return bad;
  let normalised: string;
  if (/^\d+(?:\.\d+)?$/.test(s))
    normalised = s; // plain, decimal point
  else if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s))
    normalised = s.replace(/,/g, ''); // 1,234.50
  else if (/^\d{1,3}(?:[ '’]\d{3})+(?:[.,]\d+)?$/.test(s))
    normalised = s.replace(/[ '’]/g, '').replace(',', '.'); // 1 234,50
  else if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(s) || /^\d{1,3}(?:\.\d{3}){2,}$/.test(s))
    normalised = s.replace(/\./g, '').replace(',', '.'); // 1.234,50 and 1.234.567
  else if (/^\d+,\d+$/.test(s))
    normalised = s.replace(',', '.'); // 99,50
  else return bad;
  const value = Number(normalised);
  if (!Number.isFinite(value)) return bad;
  return { ok: true, value: negative ? -value : value, currency };
}

/** Integer score (CSAT 1–5, NPS 0–10); `ok:false` for anything else. */
export function parseScore(raw: string): { ok: true; value: number } | { ok: false; reason: string } {
  const s = raw.trim();
  if (!/^-?\d+(?:\.0+)?$/.test(s)) return { ok: false, reason: `"${s}" is not a whole-number score` };
  return { ok: true, value: Number(s) };
}
