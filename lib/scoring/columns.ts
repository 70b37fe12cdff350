/**
 * Customers' purchase stats as growable typed columns: what the book-level fits, values, tiers and
 * RFM edges need, without keeping a stats object (or the customer's rows) per customer — a 100k-
 * customer rescore keeps about 12 MB here instead of hundreds of MB of objects.
 */
import type { CustomerStats } from './stats';

const FIELDS = [
  'x',
  'tx',
  'T',
  'meanRepeatSpend',
  'firstAmount',
  'purchaseDays',
  'netSpend',
  'grossSpend',
  'yearSpend',
  'recencyDays',
  'recentPurchaseDays',
  'previousPurchaseDays',
  'recentSpend',
  'previousSpend',
] as const satisfies readonly (keyof CustomerStats)[];

type Field = (typeof FIELDS)[number];

export class StatsColumns {
  n = 0;
  private cols: Record<Field, Float64Array>;

  constructor(capacity = 1024) {
    this.cols = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(capacity)])) as Record<Field, Float64Array>;
  }

  push(s: CustomerStats): void {
    if (this.n === this.cols.x.length)
      for (const f of FIELDS) {
        const grown = new Float64Array(this.n * 2);
        grown.set(this.cols[f]);
        this.cols[f] = grown;
      }
    // field by field: a keyed loop over FIELDS is megamorphic, and a rescore pushes 200k rows
    const c = this.cols;
    const i = this.n++;
    c.x[i] = s.x;
    c.tx[i] = s.tx;
    c.T[i] = s.T;
    c.meanRepeatSpend[i] = s.meanRepeatSpend;
    c.firstAmount[i] = s.firstAmount;
    c.purchaseDays[i] = s.purchaseDays;
    c.netSpend[i] = s.netSpend;
    c.grossSpend[i] = s.grossSpend;
    c.yearSpend[i] = s.yearSpend;
    c.recencyDays[i] = s.recencyDays;
    c.recentPurchaseDays[i] = s.recentPurchaseDays;
    c.previousPurchaseDays[i] = s.previousPurchaseDays;
    c.recentSpend[i] = s.recentSpend;
    c.previousSpend[i] = s.previousSpend;
  }

  get(field: Field, i: number): number {
    return this.cols[field][i]!;
  }

  /** Stats of customer i (without first/last purchase dates, which values and fits do not read). */
  at(i: number): CustomerStats {
    const c = this.cols;
    return {
      x: c.x[i]!,
      tx: c.tx[i]!,
      T: c.T[i]!,
      meanRepeatSpend: c.meanRepeatSpend[i]!,
      firstAmount: c.firstAmount[i]!,
      purchaseDays: c.purchaseDays[i]!,
      netSpend: c.netSpend[i]!,
      grossSpend: c.grossSpend[i]!,
      yearSpend: c.yearSpend[i]!,
      recencyDays: c.recencyDays[i]!,
      recentPurchaseDays: c.recentPurchaseDays[i]!,
      previousPurchaseDays: c.previousPurchaseDays[i]!,
      recentSpend: c.recentSpend[i]!,
      previousSpend: c.previousSpend[i]!,
    };
  }
}

/** A growable typed array of one kind. */
export class Growable<A extends Float64Array | Int32Array | Uint8Array> {
  n = 0;
  constructor(
    private data: A,
    private readonly make: (size: number) => A,
  ) {}

  push(v: number): void {
    if (this.n === this.data.length) {
      const grown = this.make(Math.max(16, this.n * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.n++] = v;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  values(): A {
    return this.data.subarray(0, this.n) as A;
  }
}

export const growableF64 = (): Growable<Float64Array> => new Growable(new Float64Array(1024), (n) => new Float64Array(n));
export const growableI32 = (): Growable<Int32Array> => new Growable(new Int32Array(1024), (n) => new Int32Array(n));
export const growableU8 = (): Growable<Uint8Array> => new Growable(new Uint8Array(1024), (n) => new Uint8Array(n));
