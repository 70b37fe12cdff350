/**
 * The rank bands: every scored customer's tier and risk band (what the Today queue's coarse
 * order needs, lib/db/repos/action-queue.ts `rankClass`) in one meta row the background keeps in
 * step with the scores (lib/services/cached-rows.ts). Today reads it instead of the keys of two
 * score indexes; when the row is missing (a score was just written) it reads the indexes.
 */
import { RISK_BANDS, TIERS, type RiskBand, type Tier } from '../schemas/enums';

export const RANK_BANDS_KEY = 'cache:rankBands';
/** A write to any of these makes the stored row stale. */
export const RANK_BANDS_SOURCE_TABLES = ['scores'] as const;
const FORMAT = 1;

export type Bands = Map<string, { tier: Tier; risk: RiskBand }>;

export interface StoredRankBands {
  format: typeof FORMAT;
  builtAt: number;
  ids: string[];
  /** Per id: tier index × 4 + risk band index (TIERS, RISK_BANDS). */
  codes: Uint8Array;
}

export function buildRankBands(bands: Bands, builtAt: number): StoredRankBands {
  const ids = [...bands.keys()];
  const codes = Uint8Array.from(ids, (id) => {
    const b = bands.get(id)!;
    return TIERS.indexOf(b.tier) * 4 + RISK_BANDS.indexOf(b.risk);
  });
  return { format: FORMAT, builtAt, ids, codes };
}

/** The bands from a stored row, or null when there is none or it is not one this version wrote. */
export function readRankBands(value: unknown): Bands | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<StoredRankBands>;
  if (v.format !== FORMAT || !Array.isArray(v.ids) || !(v.codes instanceof Uint8Array) || v.codes.length !== v.ids.length) return null;
  const out: Bands = new Map();
  for (let i = 0; i < v.ids.length; i++) {
    const id = v.ids[i];
    const tier = TIERS[v.codes[i]! >> 2];
    const risk = RISK_BANDS[v.codes[i]! & 3];
    if (typeof id !== 'string' || !tier || !risk) return null;
    out.set(id, { tier, risk });
  }
  return out;
}
