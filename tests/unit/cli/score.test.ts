import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SAMPLE = path.resolve('../shared/data/cdnow/transactions-sample.csv');
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
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
  gammaGamma: { p: number; q: number; gamma: number };
  customers: {
    customerId: string;
    x: number;
    tx: number;
    T: number;
    pAlive: number;
    expectedPurchases: number;
    clv: number;
    tier: string;
    rfm: { segment: string };
  }[];
  rejected: { file: string; line: number; column?: string; reason: string }[];
  calibrationEnd: string;
}

const within = (actual: number, expected: number, rel = 0.01): void => {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(rel);
};

describe('npm run score', () => {
  it('reproduces the published CDNOW estimates with --json', () => {
    const r = run(SAMPLE, '--calibration-end', '1997-09-30', '--unit', 'week', '--json');
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
    expect(out.customers).toHaveLength(2349);
    const c = out.customers.find((x) => x.customerId === '1516')!; // x=26, t_x=30.86, T=31
    expect(c.x).toBe(26);
    within(c.pAlive, 0.9689);
    within(c.expectedPurchases, 25.76);
    // Pyramid by CLV (lib/scoring/tiers with DEFAULT_SCORING: 5 % platinum, then 20 % gold, CLV ≤ 0 lead), listed by CLV.
    const tiers = new Map<string, number>();
    for (const x of out.customers) tiers.set(x.tier, (tiers.get(x.tier) ?? 0) + 1);
    const aboveLead = out.customers.filter((x) => x.clv > 0).length;
    expect(Math.abs(tiers.get('platinum')! - 0.05 * aboveLead)).toBeLessThanOrEqual(1);
    expect(Math.abs(tiers.get('platinum')! + tiers.get('gold')! - 0.25 * aboveLead)).toBeLessThanOrEqual(1);
    expect(out.customers[0]!.tier).toBe('platinum');
    const order = ['platinum', 'gold', 'iron', 'lead'];
    for (let i = 1; i < out.customers.length; i++) {
      expect(out.customers[i]!.clv).toBeLessThanOrEqual(out.customers[i - 1]!.clv);
      expect(order.indexOf(out.customers[i]!.tier)).toBeGreaterThanOrEqual(order.indexOf(out.customers[i - 1]!.tier));
    }
  });

  it('prints a readable table by default, calibrating to the last date in the file', () => {
    const file = write('small.csv', 'customer_id,date,amount\nA,2024-01-01,100\nA,2024-02-01,50\nB,2024-01-15,20\nC,2024-03-01,80\nA,2024-03-31,70\n');
    const r = run(file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 customers with a purchase by 2024-03-31 \(unit week\)/);
    expect(r.stdout).toMatch(/BG\/NBD +r=/);
    expect(r.stdout).toMatch(/fit time +[\d.]+ ms/);
    expect(r.stdout).toMatch(/^customer +x +t_x +T +P\(alive\) +E\[52w\] +CLV +tier +RFM +segment$/m);
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
    [[], /no transactions file given/],
  ])('bad arguments %j → usage error, exit 2', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/usage: npm run score/);
  });
});
