/**
 * Errors as codes. The background never answers with English text: every failure a page or
 * content script can see is `{ code, field?, params? }`, and the page translates the code with
 * the `errors` catalog (lib/i18n/catalogs/errors.ts, key `error.<code>`) in its own language.
 * `field` names the input the error is about (a message payload path such as `feedback.score`,
 * or a settings path such as `scoring.riskBands.high`), so forms show it beside that input.
 * Zod-free: the content script imports this.
 */

export const ERROR_CODES = [
  // the router
  'message.rejected-sender',
  'message.malformed',
  'message.unknown-type',
  'message.page-only',
  'message.no-handler',
  'background.no-answer',
  'internal',
  // a value of a message, a setting, a goal or a backup row (from its schema)
  'value.required',
  'value.type',
  'value.too-small',
  'value.too-big',
  'value.too-short',
  'value.too-long',
  'value.not-integer',
  'value.date-format',
  'value.not-allowed',
  'value.invalid',
  // records and rules of the services
  'customer.unknown',
  'interaction.unknown',
  'interaction.never-log',
  'date.not-calendar',
  'date.future',
  'summary.required',
  'next-step.required',
  'next-step-due.before-date',
  'feedback.score-range',
  'action.unknown',
  'snooze.until-required',
  'snooze.not-after-today',
  'goal.unknown',
  'goal.end-before-start',
  'goal.target-equals-baseline',
  // settings
  'settings.not-object',
  'settings.version-unknown',
  'settings.version-newer',
  'settings.no-migration',
  // imports
  'import.empty',
  'import.missing-columns',
  'import.date-order-needed',
  'import.not-resumable',
  'import.unknown',
  'import.xlsx-unreadable',
  'import.file-missing',
  'import.interrupted',
  // backups
  'backup.not-json',
  'backup.not-rapport',
  'backup.newer',
  'backup.invalid-row',
  'backup.invalid-settings',
  'restore.interrupted',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export interface AppError {
  code: ErrorCode;
  /** The input the error is about (payload or settings path, `a.b.c`). */
  field?: string;
  /** Values the translated sentence names (ids, dates, limits, the offending value). */
  params?: ErrorParams;
}

/** Thrown by services and repositories; the router answers it as its AppError. */
export class CodedError extends Error {
  override name = 'CodedError';
  readonly error: AppError;
  constructor(code: ErrorCode, params?: ErrorParams, field?: string) {
    super(field ? `${code} (${field})` : code);
    this.error = { code, ...(field ? { field } : {}), ...(params ? { params } : {}) };
  }

  static of(error: AppError): CodedError {
    return new CodedError(error.code, error.params, error.field);
  }
}

const CODES: ReadonlySet<string> = new Set(ERROR_CODES);

export const isAppError = (v: unknown): v is AppError =>
  typeof v === 'object' && v !== null && typeof (v as AppError).code === 'string' && CODES.has((v as AppError).code);

/** An AppError itself, a CodedError's or MessagingError's own, `internal` for anything else thrown. */
export function toAppError(e: unknown): AppError {
  if (e instanceof CodedError) return e.error;
  if (isAppError(e)) return e;
  if (typeof e === 'object' && e !== null && isAppError((e as { error?: unknown }).error)) return (e as { error: AppError }).error;
  return { code: 'internal' };
}
