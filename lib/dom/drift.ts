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

interface Seen extends DriftReport {
  required: boolean;
  reported?: boolean;
}

let seen = new Map<string, Seen>();
let sink: ((r: DriftReport) => void) | null = null;
let settled = false;

function emit(s: Seen): void {
  if (!sink || s.reported || !(s.candidate > 0 || (s.candidate < 0 && s.required))) return;
  s.reported = true;
  sink({ crm: s.crm, key: s.key, candidate: s.candidate, candidates: s.candidates });
}

/** Called by every finder lookup: keeps the best (lowest) candidate index seen for the key. */
export function observe(crm: string, key: string, candidate: number, candidates: number, required: boolean): void {
  const id = `${crm} ${key}`;
  const s = seen.get(id) ?? { crm, key, candidate, candidates, required };
  if (candidate >= 0 && (s.candidate < 0 || candidate < s.candidate)) s.candidate = candidate;
  s.required ||= required;
  seen.set(id, s);
  if (settled) emit(s);
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
  seen.forEach(emit);
}

/** The console line for a report (constant text, the key and numbers only). */
export const driftMessage = (r: DriftReport): string =>
  `[Rapport] ${r.crm} selector "${r.key}": ${r.candidate < 0 ? 'no candidate' : `only candidate ${r.candidate + 1}`} of ${r.candidates} matched`;
