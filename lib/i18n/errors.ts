/**
 * Translating an error code (lib/messaging/errors.ts) in a page: `error.<code>` from the errors
 * catalog with the error's params. A code without a sentence (a newer background) falls back to
 * the generic one, never to English text from elsewhere.
 */
import { createT, type Locale } from './index';
import { errors } from './catalogs/errors';
import { toAppError, type AppError } from '../messaging/errors';
import { ERROR_CODES } from '../messaging/error-codes';

export type ErrorKey = keyof (typeof errors)['en'];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

export const errorKey = (e: AppError): ErrorKey => (KNOWN.has(e.code) ? (`error.${e.code}` as ErrorKey) : 'error.internal');

/** The sentence for an error (or anything thrown) in `locale`. */
export function errorText(error: unknown, locale: Locale): string {
  const e = toAppError(error);
  return createT(errors, locale)(errorKey(e), e.params);
}
