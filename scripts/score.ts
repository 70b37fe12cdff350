/**
 * Score a transactions CSV from the command line with the same code the extension uses:
 * lib/import parses and validates the file, lib/scoring fits BG/NBD + Gamma-Gamma and scores
 * every customer (P(alive), expected purchases, discounted CLV, RFM segment, value tier).
 *
 *   npm run score -- <transactions.csv> [--calibration-end yyyy-MM-dd] [--unit day|week]
 *                    [--date-order dmy|mdy] [--json]
 *
 * Exit codes: 0 ok; 1 scored, but some rows were rejected (listed on stderr with line and
 * reason); 2 nothing scored (missing/unreadable file, file refused as a whole, bad arguments).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ImportFileError, parseImportBytes, type DateOrder, type RowError } from '../lib/import';
import type { Rfm, Transaction } from '../lib/schemas/domain';
import type { Tier } from '../lib/schemas/enums';
import { DEFAULT_SCORING } from '../lib/schemas/settings';
import { expectedPurchases, fitBgNbd, pAlive, type BgNbdFit } from '../lib/scoring/bgnbd';
import { discountedClv } from '../lib/scoring/clv';
import { fitGammaGamma, type GammaGammaFit } from '../lib/scoring/gamma-gamma';
import { rfmScores } from '../lib/scoring/rfm';
import { assignTiers } from '../lib/scoring/tiers';
import { dayNumber, summarize, type CustomerSummary, type TimeUnit } from '../lib/scoring/summary';

const USAGE = 'usage: npm run score -- <transactions.csv> [--calibration-end yyyy-MM-dd] [--unit day|week] [--date-order dmy|mdy] [--json]';

class UsageError extends Error {}

interface Args {
  file: string;
  calibrationEnd?: string;
  unit: TimeUnit;
  dateOrder?: DateOrder;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  let file: string | undefined;
  let calibrationEnd: string | undefined;
  let unit: TimeUnit = 'week';
  let dateOrder: DateOrder | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--json':
        json = true;
        break;
      case '--calibration-end': {
        const v = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(dayNumber(v))) throw new UsageError(`--calibration-end must be a yyyy-MM-dd date, got "${v}"`);
        calibrationEnd = v;
        break;
      }
      case '--unit': {
        const v = value();
        if (v !== 'day' && v !== 'week') throw new UsageError(`--unit must be day or week, got "${v}"`);
        unit = v;
        break;
      }
      case '--date-order': {
        const v = value();
        if (v !== 'dmy' && v !== 'mdy') throw new UsageError(`--date-order must be dmy or mdy, got "${v}"`);
        dateOrder = v;
        break;
      }
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        if (file !== undefined) throw new UsageError(`one file at a time (got "${file}" and "${arg}")`);
        file = arg;
    }
  }
  if (file === undefined) throw new UsageError('no transactions file given');
  return { file, calibrationEnd, unit, dateOrder, json };
}

export interface ScoredCustomer {
  customerId: string;
  x: number;
  tx: number;
  T: number;
  firstPurchase: string;
  lastPurchase: string;
  totalSpend: number;
  pAlive: number;
  /** Over the next 52 weeks (unit week) or 365 days (unit day). */
  expectedPurchases: number;
  clv: number;
  rfm: Rfm;
  tier: Tier;
}

function score(
  summaries: readonly CustomerSummary[],
  calibrationEnd: string,
  unit: TimeUnit,
): { bg: BgNbdFit; gg: GammaGammaFit; fitMs: number; customers: ScoredCustomer[] } {
  const t0 = performance.now();
  const bg = fitBgNbd(summaries);
  const gg = fitGammaGamma(summaries.map((s) => ({ x: s.x, mean: s.meanRepeatSpend })));
  const fitMs = performance.now() - t0;
  const horizon = unit === 'week' ? 52 : 365;
  const end = dayNumber(calibrationEnd);
  const rfm = rfmScores(
    summaries.map((s) => ({ customerId: s.customerId, recencyDays: end - dayNumber(s.lastPurchase), frequency: s.purchaseDays, monetary: s.totalSpend })),
  );
  const clvOpts = { horizonMonths: DEFAULT_SCORING.clvHorizonMonths, annualDiscountRate: DEFAULT_SCORING.annualDiscountRate, unit };
  const clvs = new Map(summaries.map((s) => [s.customerId, discountedClv(bg, gg, s, clvOpts)]));
  // The customer pyramid by CLV, with the extension's own cut-off rules and default thresholds.
  const { tiers } = assignTiers(
    [...clvs].map(([customerId, value]) => ({ customerId, value })),
    DEFAULT_SCORING.tierThresholds,
  );
  const customers = summaries
    .map((s) => ({
      customerId: s.customerId,
      x: s.x,
      tx: s.tx,
      T: s.T,
      firstPurchase: s.firstPurchase,
      lastPurchase: s.lastPurchase,
      totalSpend: s.totalSpend,
      pAlive: pAlive(bg, s.x, s.tx, s.T),
      expectedPurchases: expectedPurchases(bg, horizon, s.x, s.tx, s.T),
      clv: clvs.get(s.customerId)!,
      rfm: rfm.get(s.customerId)!,
      tier: tiers.get(s.customerId)!,
    }))
    .sort((a, b) => b.clv - a.clv || a.customerId.localeCompare(b.customerId));
  return { bg, gg, fitMs, customers };
}

const fixed = (v: number, d: number): string => (Number.isFinite(v) ? v.toFixed(d) : String(v));

function printText(file: string, calibrationEnd: string, unit: TimeUnit, r: ReturnType<typeof score>, accepted: number): void {
  const { bg, gg, fitMs, customers } = r;
  const out: string[] = [];
  out.push(`${file}: ${accepted} transactions, ${customers.length} customers with a purchase by ${calibrationEnd} (unit ${unit})`);
  out.push(
    `BG/NBD       r=${fixed(bg.r, 4)} alpha=${fixed(bg.alpha, 4)} a=${fixed(bg.a, 4)} b=${fixed(bg.b, 4)}  LL=${fixed(bg.logLikelihood, 2)}  ${bg.converged ? 'converged' : 'NOT converged'} (${bg.iterations} iterations)`,
  );
  out.push(
    `Gamma-Gamma  p=${fixed(gg.p, 4)} q=${fixed(gg.q, 4)} gamma=${fixed(gg.gamma, 4)}  LL=${fixed(gg.logLikelihood, 2)}  ${gg.converged ? 'converged' : 'NOT converged'}`,
  );
  out.push(`fit time     ${fitMs.toFixed(1)} ms`);
  out.push('');
  const horizon = unit === 'week' ? 'E[52w]' : 'E[365d]';
  const idWidth = Math.max(8, ...customers.map((c) => c.customerId.length));
  const header = [
    'customer'.padEnd(idWidth),
    'x'.padStart(5),
    't_x'.padStart(8),
    'T'.padStart(8),
    'P(alive)'.padStart(8),
    horizon.padStart(8),
    'CLV'.padStart(10),
    'tier'.padEnd(8),
    'RFM',
    'segment',
  ];
  out.push(header.join('  '));
  for (const c of customers) {
    out.push(
      [
        c.customerId.padEnd(idWidth),
        String(c.x).padStart(5),
        fixed(c.tx, 2).padStart(8),
        fixed(c.T, 2).padStart(8),
        fixed(c.pAlive, 4).padStart(8),
        fixed(c.expectedPurchases, 3).padStart(8),
        fixed(c.clv, 2).padStart(10),
        c.tier.padEnd(8),
        `${c.rfm.r}${c.rfm.f}${c.rfm.m}`,
        c.rfm.segment,
      ].join('  '),
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

const describeRejected = (e: RowError): string => `${e.file}:${e.line}: ${e.column ? `${e.column}: ` : ''}${e.reason}`;

function main(argv: readonly string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`score: ${e.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      return e.message ? 2 : 0;
    }
    throw e;
  }
  const name = path.basename(args.file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(args.file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    process.stderr.write(`score: cannot read ${args.file}: ${why}\n`);
    return 2;
  }
  let parsed: ReturnType<typeof parseImportBytes>;
  try {
    parsed = parseImportBytes(bytes, name, { kind: 'transactions', dateOrder: args.dateOrder });
  } catch (e) {
    if (e instanceof ImportFileError) {
      process.stderr.write(`score: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (parsed.needsDateOrder) {
    process.stderr.write(`score: ${name}: dates like 03/04/2024 could be dd/MM or MM/dd; pass --date-order dmy or --date-order mdy\n`);
    return 2;
  }
  for (const e of parsed.rejected) process.stderr.write(`rejected ${describeRejected(e)}\n`);
  const transactions = parsed.records as Transaction[];
  if (transactions.length === 0) {
    process.stderr.write(`score: ${name}: no valid transactions to score\n`);
    return 2;
  }
  let lastDate = transactions[0]!.date;
  for (const t of transactions) if (t.date > lastDate) lastDate = t.date;
  const calibrationEnd = args.calibrationEnd ?? lastDate;
  const summaries = summarize(transactions, { calibrationEnd, unit: args.unit });
  const result = score(summaries, calibrationEnd, args.unit);
  if (!result.bg.converged)
    process.stderr.write(
      'score: warning: the BG/NBD fit did not converge (too little repeat-purchase data); P(alive), expected purchases and CLV are indicative only\n',
    );
  if (!result.gg.converged)
    process.stderr.write(
      'score: warning: the Gamma-Gamma fit did not converge (too few repeat buyers, or no spread in their spend); spend and CLV are indicative only\n',
    );
  if (args.json) {
    const { bg, gg } = result;
    const json = {
      file: name,
      calibrationEnd,
      unit: args.unit,
      fitMs: result.fitMs,
      bgnbd: { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b, logLikelihood: bg.logLikelihood, iterations: bg.iterations, converged: bg.converged },
      gammaGamma: { p: gg.p, q: gg.q, gamma: gg.gamma, logLikelihood: gg.logLikelihood, converged: gg.converged },
      customers: result.customers,
      rejected: parsed.rejected.map(({ file, line, column, reason }) => ({ file, line, column, reason })),
      duplicates: parsed.duplicates,
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } else {
    printText(name, calibrationEnd, args.unit, result, transactions.length);
    if (parsed.duplicates > 0) process.stdout.write(`\n${parsed.duplicates} duplicate rows counted once\n`);
  }
  if (parsed.rejected.length > 0) {
    process.stderr.write(`score: ${parsed.rejected.length} row(s) rejected in ${name}; the other rows were scored\n`);
    return 1;
  }
  return 0;
}

// `npm run score -- … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
