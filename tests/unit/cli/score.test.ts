import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cdnowFile } from '../../cdnow';

const SAMPLE = cdnowFile('transactions-sample.csv');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-score-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'scripts/score.ts', ...args], { encoding: 'utf8', cwd: path.resolve('.'), maxBuffer: 64 * 1024 * 1024 });
  // npm may warn about the user's config on stderr; drop its lines.
  const stderr = r.stderr
    .split('\n')
    .filter((l) => !l.startsWith('npm warn'))
    .join('\n');
  return { code: r.status, stdout: r.stdout, stderr };
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

interface JsonOut {
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number; status: string };
  gammaGamma: { p: number; q: number; gamma: number };
  backtest: { auc: number; recencyAuc: number; bgnbdAuc: number; horizonDays: number; customers: number; cutoff: string };
  holdout?: { actual: number; predicted: number; byFrequency: { x: number; customers: number; actual: number; predicted: number }[] };
  riskModel: { kind: string; fallback?: string };
  customers: {
    id: string;
    customerId: string;
    x: number;
    tx: number;
    T: number;
    pAlive: number | null;
    expectedPurchases: number;
    churnRisk: number;
    riskScore: number;
    riskBand: string;
    clv: number;
    clvLow: number;
    clvHigh: number;
    value: number;
    totalSpend: number;
    tier: string;
    rfm: { segment: string };
  }[];
  rejected: { file: string; line: number; column?: string; reason: string }[];
  calibrationEnd: string;
  asOf: string;
}

const within = (actual: number, expected: number, rel = 0.01): void => {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(rel);
};

describe('npm run score', () => {
  it('reproduces the published CDNOW estimates with --json, and scores risk, CLV ranges and the back-test', () => {
    const r = run(SAMPLE, '--calibration-end', '1997-09-30', '--unit', 'week', '--horizon-days', '364', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    within(out.bgnbd.r, 0.243);
    within(out.bgnbd.alpha, 4.414);
    within(out.bgnbd.a, 0.793);
    within(out.bgnbd.b, 2.426);
    within(out.bgnbd.logLikelihood, -9582.4);
    within(out.gammaGamma.p, 6.25);
    within(out.gammaGamma.q, 3.74);
    within(out.gammaGamma.gamma, 15.44);
    expect(out.rejected).toEqual([]);
    // every customer stays in the book, the 8 whose purchases sum to zero too
    expect(out.customers).toHaveLength(2357);
    const c = out.customers.find((x) => x.customerId === '1516')!; // x=26, t_x=30.86, T=31
    expect(c.x).toBe(26);
    within(c.pAlive!, 0.9689);
    within(c.expectedPurchases, 25.76); // 52 weeks
    for (const x of out.customers) {
      expect(x.id).toBe(x.customerId);
      expect(x.churnRisk).toBeGreaterThanOrEqual(0);
      expect(x.churnRisk).toBeLessThanOrEqual(1);
      expect(x.riskScore).toBeCloseTo(100 * x.churnRisk, 0);
      expect(x.clvLow).toBeLessThanOrEqual(x.clv + 0.01);
      expect(x.clvHigh).toBeGreaterThanOrEqual(x.clv - 0.01);
    }
    expect(out.backtest).toMatchObject({ horizonDays: 364 });
    // The pyramid (5 % platinum, then 20 % gold, value ≤ 0 lead), listed by value.
    const tiers = new Map<string, number>();
    for (const x of out.customers) tiers.set(x.tier, (tiers.get(x.tier) ?? 0) + 1);
    const aboveLead = out.customers.filter((x) => x.value > 0).length;
    expect(Math.abs(tiers.get('platinum')! - 0.05 * aboveLead)).toBeLessThanOrEqual(1);
    expect(Math.abs(tiers.get('platinum')! + tiers.get('gold')! - 0.25 * aboveLead)).toBeLessThanOrEqual(1);
    const order = ['platinum', 'gold', 'iron', 'lead'];
    for (let i = 1; i < out.customers.length; i++) {
      expect(out.customers[i]!.value).toBeLessThanOrEqual(out.customers[i - 1]!.value);
      expect(order.indexOf(out.customers[i]!.tier)).toBeGreaterThanOrEqual(order.indexOf(out.customers[i - 1]!.tier));
    }
    // a net refunder is never above Lead
    for (const x of out.customers) if (x.totalSpend <= 0) expect(x.tier).toBe('lead');
  });

  it('prints the CDNOW holdout table: weeks 40–78, 1,882 actual repeat purchases against the forecast', () => {
    const r = run(SAMPLE, '--as-of', '1997-09-30', '--holdout-end', '1998-06-30', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.holdout!.actual).toBe(1882);
    within(out.holdout!.predicted, 1653, 0.02);
    expect(out.holdout!.byFrequency.map((g) => g.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(out.holdout!.byFrequency.reduce((s, g) => s + g.actual, 0)).toBe(1882);
    const text = run(SAMPLE, '--as-of', '1997-09-30', '--holdout-end', '1998-06-30');
    expect(text.stdout).toMatch(/Holdout 1997-09-30 → 1998-06-30 \(273 days\), 2349 customers: actual 1882 purchase days, predicted 165\d\.\d/);
    expect(text.stdout).toMatch(/^ +7\+ +\d+ +\d+ +[\d.]+/m);
  });

  it('reads customers, transactions, interactions and feedback files together, told apart by their headers', () => {
    const customers = write('c.csv', 'customer_id,name,created_at\nA,Acme,2024-01-01\nP,Prospect,2024-02-01\n');
    const tx = write('t.csv', 'customer_id,date,amount\nA,2024-01-05,100\nA,2024-02-05,100\nB,2024-01-15,20\nB,2024-01-15,20\nA,2024-05-01,100\n');
    const ix = write('i.csv', 'customer_id,date,channel,sentiment\nA,2024-03-01,call,negative\nB,2024-03-02,email,positive\n');
    const fb = write('f.csv', 'customer_id,date,kind,score\nA,2024-03-03,complaint,\nB,2024-03-04,nps,9\n');
    const r = run(tx, customers, ix, fb, '--as-of', '2024-03-31', '--json', '--unit', 'day');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.asOf).toBe('2024-03-31');
    expect(out.customers.map((c) => c.id).sort()).toEqual(['A', 'B', 'P']);
    // the May purchase is after --as-of: ignored
    expect(out.customers.find((c) => c.id === 'A')!.x).toBe(1);
    // two identical rows on one day are two purchases of one purchase day; B is still in the book
    expect(out.customers.find((c) => c.id === 'B')!.totalSpend).toBe(40);
    expect(out.customers.find((c) => c.id === 'P')!.tier).toBe('lead');
    expect(out.riskModel).toMatchObject({ kind: 'prior' });
  });

  it('prints a readable table by default, scoring as of the last date in the files', () => {
    const file = write('small.csv', 'customer_id,date,amount\nA,2024-01-01,100\nA,2024-02-01,50\nB,2024-01-15,20\nC,2024-03-01,80\nA,2024-03-31,70\n');
    const r = run(file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 customers by 2024-03-31 \(unit week\), 3 with a purchase/);
    expect(r.stdout).toMatch(/BG\/NBD +not used: too few buyers or repeat buyers to fit/);
    expect(r.stdout).toMatch(/churn risk +priors/);
    expect(r.stdout).toMatch(/fit time +[\d.]+ ms/);
    expect(r.stdout).toMatch(/^customer +x +t_x +T +P\(alive\) +E\[90d\] +risk +band +CLV +CLV 80 % +tier +RFM +segment$/m);
    expect(r.stdout).toMatch(/^A +2 /m);
  });

  it('reports bad rows with line and reason, scores the rest and exits 1', () => {
    const file = write(
      'bad.csv',
      [
        'customer_id,date,amount',
        'A,2024-01-01,100',
        'A,2024-02-30,50',
        'B,2024-01-15,N/A',
        'B,2024-02-15,20',
        ',2024-02-01,5',
        'A,2024-03-10,"$1,234.50"',
      ].join('\n') + '\n',
    );
    const r = run(file, '--json', '--unit', 'day');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.rejected.map((e) => e.line)).toEqual([3, 4, 6]);
    expect(r.stderr).toMatch(/bad\.csv:3: date: /);
    expect(r.stderr).toMatch(/bad\.csv:4: amount: /);
    expect(r.stderr).toMatch(/3 row\(s\) rejected/);
    expect(out.customers.map((c) => c.customerId).sort()).toEqual(['A', 'B']);
    expect(out.calibrationEnd).toBe('2024-03-10');
    expect(out.asOf).toBe('2024-03-10');
    const a = out.customers.find((c) => c.customerId === 'A')!;
    expect(a.x).toBe(1); // 2024-01-01 and 2024-03-10 ($1,234.50)
    expect(a.T).toBe(69);
  });

  it('a missing file is a one-line error with exit code 2', () => {
    const r = run(path.join(dir, 'does-not-exist.csv'), '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot read .*does-not-exist\.csv: no such file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a file missing a required column is refused with a message naming it (exit 2)', () => {
    const r = run(write('noamount.csv', 'customer_id,date\nA,2024-01-01\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/amount/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['--unit', 'month', SAMPLE], /--unit must be day or week/],
    [['--calibration-end', '2024-02-30', SAMPLE], /--calibration-end must be a yyyy-MM-dd date/],
    [['--frobnicate', SAMPLE], /unknown option --frobnicate/],
    [[], /no file given/],
    [['--horizon-days', '3', SAMPLE], /--horizon-days must be a whole number of days from 14 to 730/],
    [['--as-of', '1998-01-01', '--holdout-end', '1997-01-01', SAMPLE], /--holdout-end must be after --as-of/],
  ])('bad arguments %j → usage error, exit 2', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/usage: npm run score/);
  });
});
