/** Command-line arguments of `npm run score`. */
import { isRealDate } from '../../lib/clock';
import type { DateOrder } from '../../lib/import';

export const USAGE =
  'usage: npm run score -- FILE... [--as-of yyyy-MM-dd] [--horizon-days N] [--holdout-end yyyy-MM-dd] [--unit day|week] [--date-order dmy|mdy] [--json]';

export class UsageError extends Error {}

export interface Args {
  files: string[];
  asOf?: string;
  horizonDays: number;
  holdoutEnd?: string;
  unit: 'day' | 'week';
  dateOrder?: DateOrder;
  json: boolean;
}

const dateArg = (flag: string, v: string): string => {
  if (!isRealDate(v)) throw new UsageError(`${flag} must be a yyyy-MM-dd date, got "${v}"`);
  return v;
};

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { files: [], horizonDays: 90, unit: 'week', json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--json':
        args.json = true;
        break;
      case '--as-of':
      case '--calibration-end':
        args.asOf = dateArg(flag, value());
        break;
      case '--holdout-end':
        args.holdoutEnd = dateArg(flag, value());
        break;
      case '--horizon-days': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 14 || n > 730) throw new UsageError(`--horizon-days must be a whole number of days from 14 to 730, got "${v}"`);
        args.horizonDays = n;
        break;
      }
      case '--unit': {
        const v = value();
        if (v !== 'day' && v !== 'week') throw new UsageError(`--unit must be day or week, got "${v}"`);
        args.unit = v;
        break;
      }
      case '--date-order': {
        const v = value();
        if (v !== 'dmy' && v !== 'mdy') throw new UsageError(`--date-order must be dmy or mdy, got "${v}"`);
        args.dateOrder = v;
        break;
      }
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        args.files.push(arg);
    }
  }
  if (args.files.length === 0) throw new UsageError('no file given (transactions, customers, interactions or feedback CSV)');
  if (args.holdoutEnd && args.asOf && args.holdoutEnd <= args.asOf) throw new UsageError(`--holdout-end must be after --as-of (${args.asOf})`);
  return args;
}
