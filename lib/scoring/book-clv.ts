/** Modelled CLV of every customer as of a date (the `clv` KPI), from transactions alone. */
import type { Transaction } from '../schemas/domain';
import { dayOf } from '../clock';
import { fitModels } from './fit';
import { customerStats, typicalGap } from './stats';
import { customerValue, type ClvCache, type ValueSettings } from './value';

export function clvAsOf(transactions: readonly Transaction[], asOf: string, settings: ValueSettings, horizonDays = 90): Map<string, number> {
  const byCustomer = new Map<string, Transaction[]>();
  for (const t of transactions) {
    const list = byCustomer.get(t.customerId);
    if (list) list.push(t);
    else byCustomer.set(t.customerId, [t]);
  }
  const asOfDay = dayOf(asOf);
  const ids = [...byCustomer.keys()];
  const stats = ids.map((id) => customerStats(byCustomer.get(id)!, asOfDay, horizonDays));
  const fits = fitModels(stats);
  const buyers = stats.filter((s) => s.purchaseDays > 0);
  const meanSpend =
    buyers.reduce((s, b) => s + b.grossSpend, 0) /
    Math.max(
      1,
      buyers.reduce((s, b) => s + b.purchaseDays, 0),
    );
  const model = { bgnbd: fits.bgnbd, gammaGamma: fits.gammaGamma, typicalGapDays: typicalGap(stats), meanSpend, paramSpread: 0 };
  const cache: ClvCache = new Map();
  return new Map(ids.map((id, i) => [id, customerValue(stats[i]!, model, settings, horizonDays, cache).clv]));
}
