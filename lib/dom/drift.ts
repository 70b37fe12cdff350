/**
 * Selector drift, censored: which registry key was only found by a later candidate, or (for
 * required keys) not at all once the page settled. A report holds the CRM id, the key, the
 * candidate index and the number of candidates — nothing read from the page, so it can be
 * logged on any customer's record. Lookups made while the page is still rendering only count
 * by their best result: a title that appears after a few mutations is not drift.
 */

export interface DriftReport {
  crm: string;
  key: string;
  /** 0-based index of the candidate that matched; -1 when none did. */
  candidate: number;
  candidates: number;
}

interface Seen {
  best: number;
  candidates: number;
  required: boolean;
  reported: boolean;
}

let seen = new Map<string, Seen>();
let sink: ((r: DriftReport) => void) | null = null;
let settled = false;

const drifted = (s: Seen): boolean => s.best > 0 || (s.best < 0 && s.required);

function emit(id: string, s: Seen): void {
  if (!sink || s.reported || !drifted(s)) return;
  s.reported = true;
  const [crm, key] = id.split(' ') as [string, string];
  sink({ crm, key, candidate: s.best, candidates: s.candidates });
}

/** Called by every finder lookup. */
export function observe(crm: string, key: string, index: number, candidates: number, required: boolean): void {
  const id = `${crm} ${key}`;
  const s = seen.get(id) ?? { best: -1, candidates, required: false, reported: false };
  if (index >= 0 && (s.best < 0 || index < s.best)) s.best = index;
  s.required ||= required;
  seen.set(id, s);
  if (settled) emit(id, s);
}

/** A new page: forget what was seen; reports go to `to` once the page settles. */
export function startDrift(to: ((r: DriftReport) => void) | null): void {
  seen = new Map();
  sink = to;
  settled = false;
}

/** The page has settled: report drift seen so far, and from now on as soon as it is seen. */
export function settleDrift(): void {
  settled = true;
  for (const [id, s] of seen) emit(id, s);
}

/** The console line for a report (constant text, key and numbers only). */
export const driftMessage = (r: DriftReport): string =>
  `[Rapport] ${r.crm} selector "${r.key}": ${r.candidate < 0 ? 'no candidate' : `only candidate ${r.candidate + 1}`} of ${r.candidates} matched — the CRM's page may have changed.`;
