/**
 * The SOQL subset the Salesforce mock understands, strict like the real parser (an unknown
 * field or object is an error, not an empty answer):
 *   SELECT COUNT() | f, g.h … FROM Obj [WHERE c AND c …] [ORDER BY f [ASC|DESC]] [LIMIT n]
 *   c: f = | != | > | >= | < | <= literal, f LIKE 'pat', f IN ('a', …)
 *   literals: 'strings' with backslash escapes, numbers, true/false/null, 2026-11-20, 2026-11-20T10:00:00Z
 */
export class SoqlError extends Error {
  constructor(
    readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE',
    message: string,
  ) {
    super(message);
  }
}

type Lit = string | number | boolean | null | { date: string } | { dateTime: number } | Lit[];
type Op = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'LIKE' | 'IN';
export interface Cond {
  field: string;
  op: Op;
  value: Lit;
}
export interface Soql {
  count: boolean;
  fields: string[];
  from: string;
  where: Cond[];
  orderBy?: { field: string; desc: boolean };
  limit?: number;
}

const TOKEN =
  /\s*(?:('(?:[^'\\]|\\.)*')|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))|(\d{4}-\d{2}-\d{2})|(-?\d+(?:\.\d+)?)|(!=|>=|<=|=|>|<)|([(),])|([A-Za-z_][A-Za-z0-9_.]*))/y;

type Tok = { kind: 'str' | 'dt' | 'date' | 'num' | 'op' | 'punct' | 'word'; text: string };

function tokenize(q: string): Tok[] {
  const out: Tok[] = [];
  const kinds = ['str', 'dt', 'date', 'num', 'op', 'punct', 'word'] as const;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < q.length) {
    if (/^\s*$/.test(q.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(q);
    if (!m) throw new SoqlError('MALFORMED_QUERY', `unexpected token at ${at}`);
    const i = m.slice(1).findIndex((g) => g !== undefined);
    out.push({ kind: kinds[i]!, text: m[i + 1]! });
  }
  return out;
}

const unquote = (s: string): string =>
  s.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? (c === '%' || c === '_' ? `\\${c}` : c));

export function parseSoql(q: string): Soql {
  const toks = tokenize(q);
  let i = 0;
  const peek = (): Tok | undefined => toks[i];
  const word = (w: string): boolean => peek()?.kind === 'word' && peek()!.text.toUpperCase() === w;
  const expect = (w: string): void => {
    if (!word(w)) throw new SoqlError('MALFORMED_QUERY', `expected ${w} at token ${i}`);
    i++;
  };
  const ident = (): string => {
    const t = toks[i++];
    if (t?.kind !== 'word') throw new SoqlError('MALFORMED_QUERY', `expected a field at token ${i - 1}`);
    return t.text;
  };
  const literal = (): Lit => {
    const t = toks[i++];
    if (!t) throw new SoqlError('MALFORMED_QUERY', 'unexpected end of query');
    if (t.kind === 'str') return unquote(t.text);
    if (t.kind === 'num') return Number(t.text);
    if (t.kind === 'date') return { date: t.text };
    if (t.kind === 'dt') return { dateTime: Date.parse(t.text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) };
    const w = t.kind === 'word' ? t.text.toLowerCase() : '';
    if (w === 'true' || w === 'false') return w === 'true';
    if (w === 'null') return null;
    throw new SoqlError('MALFORMED_QUERY', `expected a value at token ${i - 1}`);
  };

  expect('SELECT');
  let count = false;
  const fields: string[] = [];
  if (word('COUNT') && toks[i + 1]?.text === '(' && toks[i + 2]?.text === ')') {
    count = true;
    i += 3;
  } else {
    do fields.push(ident());
    while (peek()?.text === ',' && ++i);
  }
  expect('FROM');
  const from = ident();
  const where: Cond[] = [];
  if (word('WHERE')) {
    i++;
    do {
      const field = ident();
      const t = toks[i++];
      const op = (t?.kind === 'op' ? t.text : t?.text.toUpperCase()) as Op;
      if (op === 'IN') {
        if (toks[i++]?.text !== '(') throw new SoqlError('MALFORMED_QUERY', 'expected ( after IN');
        const list: Lit[] = [];
        do list.push(literal());
        while (peek()?.text === ',' && ++i);
        if (toks[i++]?.text !== ')') throw new SoqlError('MALFORMED_QUERY', 'expected ) after IN list');
        where.push({ field, op, value: list });
      } else if (['=', '!=', '>', '>=', '<', '<=', 'LIKE'].includes(op)) where.push({ field, op, value: literal() });
      else throw new SoqlError('MALFORMED_QUERY', `unknown operator at token ${i - 1}`);
    } while (word('AND') && ++i);
  }
  let orderBy: Soql['orderBy'];
  if (word('ORDER')) {
    i++;
    expect('BY');
    orderBy = { field: ident(), desc: false };
    if (word('ASC') || word('DESC')) orderBy.desc = toks[i++]!.text.toUpperCase() === 'DESC';
  }
  let limit: number | undefined;
  if (word('LIMIT')) {
    i++;
    const n = literal();
    if (typeof n !== 'number') throw new SoqlError('MALFORMED_QUERY', 'LIMIT needs a number');
    limit = n;
  }
  if (i < toks.length) throw new SoqlError('MALFORMED_QUERY', `unexpected token at ${i}`);
  return { count, fields, from, where, ...(orderBy ? { orderBy } : {}), ...(limit !== undefined ? { limit } : {}) };
}

const time = (v: unknown): number => (typeof v === 'string' ? Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN);

function like(pattern: string): RegExp {
  let re = '';
  for (let k = 0; k < pattern.length; k++) {
    const c = pattern[k]!;
    if (c === '\\' && k + 1 < pattern.length) re += pattern[++k]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

/** Whether a record value satisfies one condition (values typed by the literal they are compared with). */
export function test(value: unknown, c: Cond): boolean {
  const v = c.value;
  if (c.op === 'IN') return Array.isArray(v) && v.some((x) => x === value);
  if (c.op === 'LIKE') return typeof v === 'string' && typeof value === 'string' && like(v).test(value);
  if (v === null) return c.op === '=' ? value == null : c.op === '!=' ? value != null : false;
  if (value == null) return c.op === '!=';
  let a: number | string | boolean;
  let b: number | string | boolean;
  if (typeof v === 'object' && 'dateTime' in v) [a, b] = [time(value), v.dateTime];
  else if (typeof v === 'object' && 'date' in v) [a, b] = [String(value).slice(0, 10), v.date];
  else [a, b] = [value as string | number | boolean, v as string | number | boolean];
  switch (c.op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

export const compare = (a: unknown, b: unknown): number => {
  const [x, y] = [time(a), time(b)];
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return String(a ?? '').localeCompare(String(b ?? ''));
};
