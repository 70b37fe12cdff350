/** What `npm run score` prints: the JSON object (documented in docs/cli.md) and the text report. */
import type { BookModel } from '../../lib/scoring/types';
import type { RiskBacktest } from '../../lib/scoring/book-backtest';
import type { HoldoutForecast } from '../../lib/scoring/holdout';
import type { ScoredCustomer } from '../../lib/scoring/book';
import type { CustomerStats } from '../../lib/scoring/stats';
import { FEATURE_IDS } from '../../lib/scoring/features';

export interface CustomerRow {
  id: string;
  /** Same as `id` (the field's name before the risk model). */
  customerId: string;
  x: number;
  tx: number;
  T: number;
  firstPurchase: string | null;
  lastPurchase: string | null;
  /** Net of refunds, up to as-of. */
  totalSpend: number;
  /** The pyramid's value measure. */
  value: number;
  pAlive: number | null;
  /** Expected purchase days within the horizon. */
  expectedPurchases: number;
  churnRisk: number;
  churnRiskLow: number;
  churnRiskHigh: number;
  riskScore: number;
  riskBand: string;
  reasons: { id: string; points: number }[];
  clv: number;
  clvLow: number;
  clvHigh: number;
  tier: string;
  rfm: { r: number; f: number; m: number; segment: string };
  nextAction: string | null;
}

export function customerRow(s: CustomerStats, d: ScoredCustomer, unitDays: number): CustomerRow {
  const sc = d.score;
  return {
    id: sc.customerId,
    customerId: sc.customerId,
    x: s.x,
    tx: s.tx / unitDays,
    T: s.T / unitDays,
    firstPurchase: s.firstPurchase ?? null,
    lastPurchase: s.lastPurchase ?? null,
    totalSpend: s.netSpend,
    value: d.value.value,
    pAlive: d.value.pAlive,
    expectedPurchases: d.value.expectedInHorizon,
    churnRisk: d.risk.probability,
    churnRiskLow: d.risk.low,
    churnRiskHigh: d.risk.high,
    riskScore: sc.riskScore,
    riskBand: sc.risk,
    reasons: sc.reasons.slice(0, 3).map((f) => ({ id: f.id, points: f.points })),
    clv: sc.clv,
    clvLow: sc.clvLow ?? sc.clv,
    clvHigh: sc.clvHigh ?? sc.clv,
    tier: sc.tier,
    rfm: sc.rfm,
    nextAction: sc.nba?.kind ?? null,
  };
}

/** BG/NBD in the requested unit: α scales with the unit; the log-likelihood gains ln(unit)·Σx. */
export function bgnbdJson(model: BookModel, logLikelihoodDays: number | null, sumX: number, unitDays: number) {
  const bg = model.bgnbd;
  if (!bg) return { status: model.fitReport.bgnbd, r: null, alpha: null, a: null, b: null, logLikelihood: null, iterations: 0, converged: false };
  return {
    status: model.fitReport.bgnbd,
    r: bg.r,
    alpha: bg.alpha / unitDays,
    a: bg.a,
    b: bg.b,
    logLikelihood: logLikelihoodDays === null ? null : logLikelihoodDays + Math.log(unitDays) * sumX,
    iterations: bg.iterations,
    converged: bg.converged,
  };
}

export function gammaGammaJson(model: BookModel) {
  const gg = model.gammaGamma;
  if (!gg) return { status: model.fitReport.gammaGamma, p: null, q: null, gamma: null, logLikelihood: null, converged: false };
  return { status: model.fitReport.gammaGamma, p: gg.p, q: gg.q, gamma: gg.gamma, logLikelihood: gg.logLikelihood, converged: gg.converged };
}

export function riskModelJson(model: BookModel) {
  const r = model.risk;
  return {
    kind: r.kind,
    ...(r.fallback ? { fallback: r.fallback } : {}),
    horizonDays: r.horizonDays,
    training: r.training,
    /** Log-odds per standard deviation of each feature (priors: per raw unit). */
    coefficients: Object.fromEntries(FEATURE_IDS.map((id, j) => [id, r.coef[j]!])),
  };
}

const fixed = (v: number | null | undefined, d: number): string => (v === null || v === undefined ? '—' : Number.isFinite(v) ? v.toFixed(d) : String(v));
const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(100 * v).toFixed(1)} %`);

const WHY: Record<string, string> = {
  'too-thin': 'too few buyers or repeat buyers to fit',
  'not-converged': 'the fit did not converge',
  'fixed-dropout': 'no spread in dropout: fitted as its fixed-dropout limit',
  converged: 'converged',
};

export function textReport(o: {
  files: string;
  asOf: string;
  unit: 'day' | 'week';
  horizonDays: number;
  model: BookModel;
  bgnbd: ReturnType<typeof bgnbdJson>;
  rows: readonly CustomerRow[];
  backtest: RiskBacktest;
  holdout?: HoldoutForecast;
  fitMs: number;
}): string {
  const { model, bgnbd: bg } = o;
  const out: string[] = [];
  out.push(`${o.files}: ${o.rows.length} customers by ${o.asOf} (unit ${o.unit}), ${model.buyers} with a purchase`);
  out.push(
    bg.r === null
      ? `BG/NBD       not used: ${WHY[bg.status]} (${model.buyers} buyers, ${model.repeatBuyers} repeat buyers)`
      : `BG/NBD       r=${fixed(bg.r, 4)} alpha=${fixed(bg.alpha, 4)} a=${fixed(bg.a, 4)} b=${fixed(bg.b, 4)}  LL=${fixed(bg.logLikelihood, 2)}  ${WHY[bg.status]}`,
  );
  const gg = model.gammaGamma;
  out.push(
    gg
      ? `Gamma-Gamma  p=${fixed(gg.p, 4)} q=${fixed(gg.q, 4)} gamma=${fixed(gg.gamma, 4)}  converged`
      : `Gamma-Gamma  not used: ${WHY[model.fitReport.gammaGamma]}`,
  );
  const r = model.risk;
  out.push(
    r.kind === 'learned'
      ? `churn risk   learnt from ${r.training!.customers} customers as of ${r.training!.cutoff} (${r.training!.churned} bought nothing in the next ${o.horizonDays} days)`
      : `churn risk   priors (${r.fallback ?? 'no history to learn from'}): too little history to learn from`,
  );
  out.push(`fit time     ${o.fitMs.toFixed(1)} ms`);
  const b = o.backtest;
  out.push('');
  out.push(`Back-test: scored as of ${b.cutoff}, outcomes to ${b.asOf} (${b.horizonDays} days), ${b.customers} buyers, ${b.churned} churned`);
  out.push(`  ROC AUC    Rapport ${fixed(b.auc, 3)}   recency alone ${fixed(b.recencyAuc, 3)}   BG/NBD alone ${fixed(b.bgnbdAuc, 3)}`);
  out.push(`  mean predicted ${pct(b.meanPredicted)}   observed ${pct(b.observedRate)}   high band precision ${pct(b.highPrecision)}`);
  for (const c of b.calibration)
    out.push(`  ${c.band.padEnd(6)}  ${String(c.customers).padStart(7)} customers   predicted ${pct(c.predicted)}   observed ${pct(c.observed)}`);
  if (b.beatsRecency === false) out.push('  NOTE: on this book the risk score does not rank churners better than recency alone.');
  if (o.holdout) {
    const h = o.holdout;
    out.push('');
    out.push(
      `Holdout ${h.from} → ${h.to} (${h.days} days), ${h.customers} customers: actual ${h.actual} purchase days, predicted ${h.predicted.toFixed(1)} (${(((h.predicted - h.actual) / Math.max(1, h.actual)) * 100).toFixed(1)} %)`,
    );
    out.push(
      `  ${'x'.padStart(3)}  ${'customers'.padStart(9)}  ${'actual'.padStart(8)}  ${'predicted'.padStart(9)}  ${'mean actual'.padStart(11)}  ${'mean pred.'.padStart(10)}`,
    );
    for (const g of h.byFrequency)
      out.push(
        `  ${(g.x === 7 ? '7+' : String(g.x)).padStart(3)}  ${String(g.customers).padStart(9)}  ${String(g.actual).padStart(8)}  ${g.predicted.toFixed(1).padStart(9)}  ${fixed(g.customers ? g.actual / g.customers : null, 3).padStart(11)}  ${fixed(g.customers ? g.predicted / g.customers : null, 3).padStart(10)}`,
      );
  }
  out.push('');
  const idWidth = Math.max(8, ...o.rows.map((c) => c.id.length));
  out.push(
    [
      'customer'.padEnd(idWidth),
      'x'.padStart(5),
      't_x'.padStart(8),
      'T'.padStart(8),
      'P(alive)'.padStart(8),
      `E[${o.horizonDays}d]`.padStart(8),
      'risk'.padStart(6),
      'band'.padEnd(6),
      'CLV'.padStart(10),
      'CLV 80 %'.padStart(21),
      'tier'.padEnd(8),
      'RFM',
      'segment',
    ].join('  '),
  );
  for (const c of o.rows)
    out.push(
      [
        c.id.padEnd(idWidth),
        String(c.x).padStart(5),
        fixed(c.tx, 2).padStart(8),
        fixed(c.T, 2).padStart(8),
        fixed(c.pAlive, 4).padStart(8),
        fixed(c.expectedPurchases, 3).padStart(8),
        fixed(c.riskScore, 1).padStart(6),
        c.riskBand.padEnd(6),
        fixed(c.clv, 2).padStart(10),
        `${fixed(c.clvLow, 2)}–${fixed(c.clvHigh, 2)}`.padStart(21),
        c.tier.padEnd(8),
        `${c.rfm.r}${c.rfm.f}${c.rfm.m}`,
        c.rfm.segment,
      ].join('  '),
    );
  return `${out.join('\n')}\n`;
}
