/**
 * Where a connector writes our idempotency key into a CRM activity so that `findActivity` can
 * find it again after an uncertain write: a short tag, `[Rapport <key>]`, in a text field the
 * CRM lets us search or read back (docs/crm-apis/<crm>.md names the field per CRM).
 */
import { ConnectorError } from './types';

/** Keys are our interaction ids: short, and safe inside a SOQL LIKE, a search token or HTML. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9.:-]{0,79}$/;

export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new ConnectorError('rejected', 'activity key: expected 1–80 letters, digits, ".", ":" or "-"');
  return key;
}

export const activityTag = (key: string): string => `[Rapport ${checkKey(key)}]`;

const TAG = /\s*\[Rapport [A-Za-z0-9][A-Za-z0-9.:-]{0,79}\]/g;

/** The text without our tags (a synced copy of our own activity reads like the rep wrote it). */
export const stripActivityTag = (text: string): string => text.replace(TAG, '').trim();

/** Whether `text` carries the tag of `key`. */
export const hasActivityTag = (text: unknown, key: string): boolean => typeof text === 'string' && text.includes(activityTag(key));
