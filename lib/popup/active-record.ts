/**
 * Which customer is the popup about? The CRM tab that was active when the popup opened
 * (or `?tabId=` when the popup page is opened as a tab, as e2e tests do) is asked for the
 * record it shows; its content script answers with a `RecordRef` or null.
 */
import { browser } from 'wxt/browser';
import type { RecordRef } from '../crm/types';
import type { RecordLookup } from '../db/repos/customers';
import { GET_RECORD_REQUEST, type GetRecordRequest } from '../messaging/protocol';

/** The tab the popup is about: `?tabId=<id>` if given, else the active tab of the last focused normal window. */
export async function resolveTargetTabId(search: string): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true, windowType: 'normal' });
  return tab?.id;
}

const isRecordRef = (v: unknown): v is RecordRef =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as RecordRef).crm === 'string' &&
  typeof (v as RecordRef).objectType === 'string' &&
  typeof (v as RecordRef).recordId === 'string' &&
  (v as RecordRef).recordId !== '';

/**
 * Ask a tab for its record. Tabs without our content script (not a CRM, or not loaded yet)
 * reject or never answer: both mean "no record" after `timeoutMs`.
 */
export async function askTabRecord(tabId: number, timeoutMs = 500): Promise<RecordRef | null> {
  const request: GetRecordRequest = { type: GET_RECORD_REQUEST };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const answer: unknown = await Promise.race([browser.tabs.sendMessage(tabId, request).catch(() => null), timeout]);
    return isRecordRef(answer) ? answer : null;
  } finally {
    clearTimeout(timer);
  }
}

export function toLookup(r: RecordRef): RecordLookup {
  return {
    ref: { crm: r.crm, objectType: r.objectType, id: r.recordId },
    ...(r.name ? { name: r.name } : {}),
    ...(r.email ? { email: r.email } : {}),
    ...(r.domain ? { domain: r.domain } : {}),
  };
}
