/**
 * Quick-log drafts survive the popup closing (a click outside closes it): stored in
 * `browser.storage.local`, one per customer (and one for "no customer chosen yet"),
 * cleared when the interaction is saved. Drafts older than two weeks are dropped.
 */
import { storage } from 'wxt/utils/storage';
import type { Channel, Direction, FeedbackKind, Sentiment } from '../schemas/enums';

export interface QuickLogDraft {
  /** This draft's save id (`logInteraction.clientId`): a retried save is stored once. */
  clientId?: string;
  customerId?: string;
  customerName?: string;
  channel: Channel;
  direction: Direction;
  summary: string;
  sentiment?: Sentiment;
  contact: string;
  contactIsDecisionMaker: boolean;
  /** Only kept when the user changed it; otherwise the form shows today. */
  date?: string;
  nextStep: string;
  nextStepDue: string;
  feedbackKind: FeedbackKind | '';
  feedbackScore: string;
  feedbackComment: string;
  updatedAt: number;
}

const MAX_AGE_MS = 14 * 86_400_000;

export const draftsItem = storage.defineItem<Record<string, QuickLogDraft>>('local:popup.drafts', { fallback: {} });

export const draftKey = (customerId: string | undefined): string => (customerId ? `customer:${customerId}` : 'no-customer');

export async function loadDraft(key: string, now: number = Date.now()): Promise<QuickLogDraft | null> {
  const d = (await draftsItem.getValue())[key];
  return d && now - d.updatedAt <= MAX_AGE_MS ? d : null;
}

/** True when a draft holds something worth keeping (not just the defaults). */
export function draftHasContent(d: QuickLogDraft): boolean {
  return !!(d.summary.trim() || d.contact.trim() || d.nextStep.trim() || d.nextStepDue || d.feedbackKind || d.feedbackComment.trim());
}

export async function saveDraft(key: string, draft: QuickLogDraft, now: number = Date.now()): Promise<void> {
  const all = await draftsItem.getValue();
  const next: Record<string, QuickLogDraft> = {};
  for (const [k, d] of Object.entries(all)) if (k !== key && now - d.updatedAt <= MAX_AGE_MS) next[k] = d;
  if (draftHasContent(draft)) next[key] = { ...draft, updatedAt: now };
  await draftsItem.setValue(next);
}

export async function clearDraft(...keys: string[]): Promise<void> {
  const all = { ...(await draftsItem.getValue()) };
  for (const k of keys) delete all[k];
  await draftsItem.setValue(all);
}

/** The most recently edited draft (the popup reopened away from any CRM record resumes it). */
export async function latestDraft(now: number = Date.now()): Promise<{ key: string; draft: QuickLogDraft } | null> {
  let best: { key: string; draft: QuickLogDraft } | null = null;
  for (const [key, draft] of Object.entries(await draftsItem.getValue()))
    if (now - draft.updatedAt <= MAX_AGE_MS && (!best || draft.updatedAt > best.draft.updatedAt)) best = { key, draft };
  return best;
}
