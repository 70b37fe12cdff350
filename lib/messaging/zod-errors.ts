/**
 * Zod issues → AppErrors (lib/messaging/errors.ts): the code says what is wrong with the value,
 * `field` where it is (`feedback.score`), params the limit. Used by the router, settings,
 * goals and backups, so every schema failure reads the same in both languages.
 */
import type { z } from '../schemas/zod';
import type { AppError } from './errors';

type Issue = z.core.$ZodIssue;

const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown => {
  let v = root;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
};

/** `input`: the value that was parsed (tells a missing value from a wrong one). */
export function issueToError(issue: Issue, input: unknown, prefix: readonly PropertyKey[] = []): AppError {
  const path = [...prefix, ...issue.path];
  const field = path.length ? pathOf(path) : undefined;
  const at = (e: Omit<AppError, 'field'>): AppError => (field ? { ...e, field } : e);
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return at({ code: 'value.required' });
      return at({ code: issue.expected === 'int' ? 'value.not-integer' : 'value.type' });
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array') return at({ code: min <= 1 ? 'value.required' : 'value.too-short', params: { min } });
      return at({ code: 'value.too-small', params: { min } });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string' || issue.origin === 'array') return at({ code: 'value.too-long', params: { max } });
      return at({ code: 'value.too-big', params: { max } });
    }
    case 'invalid_format':
      return at({ code: 'value.date-format' });
    case 'invalid_value':
      return at({ code: 'value.not-allowed', params: { options: issue.values.map(String).join(', ') } });
    case 'invalid_union':
      return at({ code: 'value.not-allowed' });
    case 'not_multiple_of':
      return at({ code: 'value.not-integer' });
    case 'custom':
      // a refinement that names its error code (e.g. IsoDateSchema: not a real calendar day)
      return at({ code: issue.params?.['code'] === 'value.date-format' ? 'value.date-format' : 'value.invalid' });
    default:
      return at({ code: 'value.invalid' });
  }
}

/** Every issue of a failed parse, one error each, in the schema's order. */
export const issuesToErrors = (error: z.ZodError, input: unknown, prefix: readonly PropertyKey[] = []): AppError[] =>
  error.issues.map((i) => issueToError(i, input, prefix));
