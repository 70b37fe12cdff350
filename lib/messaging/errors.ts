/**
 * Errors as codes. The background never answers with English text: every failure a page or
 * content script can see is `{ code, field?, params? }`, and the page translates the code with
 * the `errors` catalog (lib/i18n/catalogs/errors.ts, key `error.<code>`) in its own language.
 * `field` names the input the error is about (a message payload path such as `feedback.score`,
 * or a settings path such as `scoring.riskBands.high`), so forms show it beside that input.
 * Zod-free and small: the content script imports this.
 */

import type { ErrorCode } from './error-codes';

export type { ErrorCode } from './error-codes';

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

/** Shaped like an AppError (the list of codes stays out of the content script: lib/messaging/error-codes.ts). */
export const isAppError = (v: unknown): v is AppError => typeof v === 'object' && v !== null && typeof (v as AppError).code === 'string';

/** An AppError itself, a CodedError's or MessagingError's own, `internal` for anything else thrown. */
/** The disk is full for this profile (IndexedDB's QuotaExceededError, also as Dexie's wrapper's inner error). */
function isQuotaError(e: unknown): boolean {
  for (let x = e, depth = 0; typeof x === 'object' && x !== null && depth < 4; x = (x as { inner?: unknown }).inner, depth++)
    if ((x as { name?: unknown }).name === 'QuotaExceededError') return true;
  return false;
}

export function toAppError(e: unknown): AppError {
  if (e instanceof CodedError) return e.error;
  if (isAppError(e)) return e;
  if (typeof e === 'object' && e !== null && isAppError((e as { error?: unknown }).error)) return (e as { error: AppError }).error;
  if (isQuotaError(e)) return { code: 'db.quota' };
  return { code: 'internal' };
}
