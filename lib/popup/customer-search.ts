/**
 * Customer search for the quick-log: by id, name (word prefixes, substrings), domain and
 * email — and, for Chinese names, by pinyin: full pinyin ("huateng") and initials ("htmy")
 * both find 上海华腾贸易有限公司, with or without spaces. Pure: the background builds the
 * index once from the customers table and reuses it until the data changes.
 */
import { match as pinyinMatch, pinyin } from 'pinyin-pro';
import type { CustomerSummary } from '../messaging/protocol';

export interface SearchableCustomer {
  id: string;
  name: string;
  domain?: string;
  emails: readonly string[];
}

interface PinyinKeys {
  /** Syllables without tones, ü as v: ['shang', 'hai', 'hua', 'teng', …]. */
  syllables: string[];
  full: string;
  initials: string;
  /** Offsets in `full` where a syllable starts (a match must start on one). */
  starts: Set<number>;
}

interface Entry {
  summary: CustomerSummary;
  id: string;
  name: string;
  words: string[];
  py: PinyinKeys | null;
  domain: string;
  emails: string[];
}

export interface SearchIndex {
  entries: Entry[];
}

const HAN = /\p{Script=Han}/u;

/** Lower-case, width-folded, accents removed: "Café  Ünïon" → "cafe union". */
export const foldText = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const pinyinCache = new Map<string, PinyinKeys | null>();

function pinyinKeys(name: string): PinyinKeys | null {
  const cached = pinyinCache.get(name);
  if (cached !== undefined) return cached;
  let keys: PinyinKeys | null = null;
  if (HAN.test(name)) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
      .map((s) => s.toLowerCase())
      .filter(Boolean);
    const starts = new Set<number>();
    let full = '';
    for (const s of syllables) {
      starts.add(full.length);
      full += s;
    }
    keys = { syllables, full, initials: syllables.map((s) => s[0]).join(''), starts };
  }
  if (pinyinCache.size > 50_000) pinyinCache.clear();
  pinyinCache.set(name, keys);
  return keys;
}

export function buildSearchIndex(customers: Iterable<SearchableCustomer>): SearchIndex {
  const entries: Entry[] = [];
  for (const c of customers) {
    const name = foldText(c.name);
    entries.push({
      summary: c.domain ? { id: c.id, name: c.name, domain: c.domain } : { id: c.id, name: c.name },
      id: c.id.toLowerCase(),
      name,
      words: name.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
      py: pinyinKeys(c.name),
      domain: (c.domain ?? '').toLowerCase(),
      emails: c.emails.map((e) => e.toLowerCase()),
    });
  }
  return { entries };
}

function startsAtSyllable(py: PinyinKeys, q: string): boolean {
  for (let at = py.full.indexOf(q); at !== -1; at = py.full.indexOf(q, at + 1)) if (py.starts.has(at)) return true;
  return false;
}

/** Relevance of one customer for a folded query; 0 = no match. */
function rank(e: Entry, q: string, compact: string, latin: boolean): number {
  if (e.id === q) return 100;
  if (e.name === q) return 95;
  if (e.name.startsWith(q)) return 90;
  if (e.id.startsWith(q)) return 85;
  if (e.words.some((w) => w.startsWith(q))) return 80;
  if (e.domain && e.domain.startsWith(q)) return 75;
  if (e.py && latin && compact) {
    if (e.py.full.startsWith(compact)) return 74;
    if (e.py.initials.startsWith(compact)) return 72;
    if (startsAtSyllable(e.py, compact)) return 68;
    if (e.py.initials.includes(compact)) return 64;
  }
  if (e.name.includes(q)) return 60;
  if (e.emails.some((m) => m.startsWith(q))) return 58;
  if (e.domain.includes(q) || e.emails.some((m) => m.includes(q))) return 50;
  // Mixed full pinyin and initials ("huatengmy"), one syllable after another.
  if (e.py && latin && compact.length >= 2 && pinyinMatch(e.summary.name, compact, { continuous: true })) return 45;
  return 0;
}

/**
 * The best `limit` customers for `query`, most relevant first (ties: shorter name, then
 * alphabetical). An empty query lists customers alphabetically.
 */
export function searchCustomerIndex(index: SearchIndex, query: string, limit: number): CustomerSummary[] {
  const q = foldText(query);
  if (!q) {
    return [...index.entries]
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, limit)
      .map((e) => e.summary);
  }
  const compact = q.replace(/[\s'’-]+/g, '');
  const latin = /^[a-z]+$/.test(compact);
  const hits: { e: Entry; score: number }[] = [];
  for (const e of index.entries) {
    const score = rank(e, q, compact, latin);
    if (score > 0) hits.push({ e, score });
  }
  hits.sort((a, b) => b.score - a.score || a.e.name.length - b.e.name.length || a.e.name.localeCompare(b.e.name));
  return hits.slice(0, limit).map((h) => h.e.summary);
}
