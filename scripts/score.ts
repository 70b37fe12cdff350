/**
 * Score canonical CSV files from the command line with the scorer the extension uses (lib/scoring
 * `scoreBook`): purchase and spend models, CLV with its range, the pyramid, RFM, the learnt churn
 * risk, the back-test of that risk on the book's own history, and optionally a holdout forecast.
 *
 *   npm run score -- FILE... [--as-of yyyy-MM-dd] [--horizon-days N] [--holdout-end yyyy-MM-dd]
 *                    [--unit day|week] [--date-order dmy|mdy] [--json]
 *
 * FILE may be any canonical kind (customers, transactions, interactions, feedback), told apart by
 * its header and read with the import rules; rows dated after --as-of (default: the latest date in
 * the files) are ignored, except as the actual outcome of the holdout. `--calibration-end` is an
 * alias of --as-of. Output fields: docs/cli.md.
 *
 * Exit codes: 0 ok; 1 scored, but some rows were rejected (listed on stderr with line and
 * reason); 2 nothing scored (missing/unreadable file, file refused as a whole, bad arguments).
 */
import { dayOf } from '../lib/clock';
import { DEFAULT_SCORING, type ScoringSettings } from '../lib/schemas/settings';
import { bgnbdLogLikelihood } from '../lib/scoring/bgnbd';
import { scoreBook } from '../lib/scoring/book';
import { backtestRisk } from '../lib/scoring/book-backtest';
import { groupHistories } from '../lib/scoring/histories';
import { forecastHoldout } from '../lib/scoring/holdout';
import { customerStats } from '../lib/scoring/stats';
import { parseArgs, USAGE, UsageError, type Args } from './score/args';
import { loadBook, LoadError } from './score/load';
import { bgnbdJson, customerRow, gammaGammaJson, riskModelJson, textReport } from './score/report';

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
  let book: ReturnType<typeof loadBook>;
  try {
    book = loadBook(args.files, args.dateOrder);
  } catch (e) {
    if (e instanceof LoadError) {
      process.stderr.write(`score: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  for (const e of book.rejected) process.stderr.write(`rejected ${e.file}:${e.line}: ${e.column ? `${e.column}: ` : ''}${e.reason}\n`);
  const asOf = args.asOf ?? book.lastDate;
  if (asOf === undefined) {
    process.stderr.write('score: no dated rows to score (transactions, interactions or feedback)\n');
    return 2;
  }
  const settings: ScoringSettings = { ...DEFAULT_SCORING, riskHorizonDays: args.horizonDays };
  const upTo = <T extends { date: string }>(rows: readonly T[]): T[] => rows.filter((r) => r.date <= asOf);
  const histories = groupHistories({
    customers: book.customers,
    transactions: upTo(book.transactions),
    interactions: upTo(book.interactions),
    feedback: upTo(book.feedback),
    contacts: [],
    actions: [],
  });
  const t0 = performance.now();
  const { model, detailed, scorer } = scoreBook(histories, settings, asOf);
  const fitMs = performance.now() - t0;
  const backtest = backtestRisk(histories, settings, asOf);
  const holdout = args.holdoutEnd ? forecastHoldout(groupHistories({ ...book, contacts: [], actions: [] }), model, settings, args.holdoutEnd) : undefined;

  const unitDays = args.unit === 'week' ? 7 : 1;
  const asOfDay = dayOf(asOf);
  const rows = histories
    .map((h, i) => ({ h, i }))
    .filter(({ i }) => scorer.presentNow(i))
    .map(({ h, i }) => customerRow(customerStats(h.transactions, asOfDay, args.horizonDays), detailed[i]!, unitDays))
    .sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (rows.length === 0) {
    process.stderr.write(`score: no customer had any row by ${asOf}\n`);
    return 2;
  }
  const buyers = histories.map((h) => customerStats(h.transactions, asOfDay, args.horizonDays)).filter((s, i) => scorer.presentNow(i) && s.purchaseDays > 0);
  const sumX = buyers.reduce((s, b) => s + b.x, 0);
  const ll = model.bgnbd ? bgnbdLogLikelihood(model.bgnbd, buyers) : null;
  const bgnbd = bgnbdJson(model, ll, sumX, unitDays);
  if (model.fitReport.bgnbd !== 'converged')
    process.stderr.write(
      `score: note: BG/NBD ${model.fitReport.bgnbd}; P(alive), expected purchases and CLV ${model.bgnbd ? 'use its limit model' : 'use heuristics'}\n`,
    );
  if (model.risk.kind === 'prior') process.stderr.write(`score: note: too little history to learn the churn risk (${model.risk.fallback}); priors used\n`);
  const files = book.files.map((f) => f.name).join(', ');
  if (args.json) {
    const json = {
      file: files,
      files: book.files,
      asOf,
      calibrationEnd: asOf,
      horizonDays: args.horizonDays,
      unit: args.unit,
      fitMs,
      bgnbd,
      gammaGamma: gammaGammaJson(model),
      riskModel: riskModelJson(model),
      backtest,
      ...(holdout ? { holdout } : {}),
      customers: rows,
      rejected: book.rejected.map(({ file, line, column, reason }) => ({ file, line, column, reason })),
      duplicates: book.duplicates,
    };
    process.stdout.write(`${JSON.stringify(json)}\n`);
  } else process.stdout.write(textReport({ files, asOf, unit: args.unit, horizonDays: args.horizonDays, model, bgnbd, rows, backtest, holdout, fitMs }));
  if (book.rejected.length > 0) {
    process.stderr.write(`score: ${book.rejected.length} row(s) rejected; the rest were scored\n`);
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
