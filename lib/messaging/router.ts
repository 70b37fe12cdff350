/**
 * The background's single entry for messages: checks the sender, validates the payload with
 * its zod schema, runs the handler, and always answers `{ ok, data | error }` — the error as a
 * code (lib/messaging/errors.ts) naming the field when a payload field is wrong, never English
 * text, a crash or a silent drop.
 */
import { MessageSchemas, CONTENT_SCRIPT_MESSAGES, type MessageSchemaMap } from '../schemas/messages';
import type { z } from '../schemas/zod';
import { toAppError, type AppError } from './errors';
import type { MessageType, Reply, Results } from './protocol';
import { issueToError } from './zod-errors';

export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
  /** Set by the router, never by the caller: true for Rapport's own pages, false for content scripts. */
  extensionPage?: boolean;
}

export type Handlers = {
  [K in MessageType]: (payload: z.output<MessageSchemaMap[K]>, sender: Sender) => Promise<Results[K]>;
};

export interface RouterOptions {
  extensionId: string;
  /** e.g. `chrome-extension://<id>/`; pages from this origin may send page-only messages. */
  extensionOrigin: string;
}

const fail = (error: AppError): Reply<never> => ({ ok: false, error });

/** A sender is one of Rapport's own pages (popup, side panel, options), not a content script. */
export const isExtensionPage = (sender: Sender, opts: RouterOptions): boolean =>
  sender.id === opts.extensionId && (sender.url ?? '').startsWith(opts.extensionOrigin);

/** Handlers are registered per service module; a type without one answers a clear error. */
export function createRouter(handlers: Partial<Handlers>, opts: RouterOptions) {
  return async function route(message: unknown, sender: Sender): Promise<Reply<unknown>> {
    if (sender.id !== opts.extensionId) return fail({ code: 'message.rejected-sender' });
    if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string') return fail({ code: 'message.malformed' });
    const { type, payload } = message as { type: string; payload?: unknown };
    if (!Object.hasOwn(MessageSchemas, type)) return fail({ code: 'message.unknown-type', params: { type: type.slice(0, 100) } });
    const key = type as MessageType;
    // Content scripts may send only what a CRM page needs (an allow-list: a new message is page-only until listed).
    const extensionPage = isExtensionPage(sender, opts);
    if (!extensionPage && !CONTENT_SCRIPT_MESSAGES.has(key)) return fail({ code: 'message.page-only', params: { type } });
    const parsed = MessageSchemas[key].safeParse(payload);
    if (!parsed.success) return fail(issueToError(parsed.error.issues[0]!, payload));
    const handler = handlers[key] as ((p: unknown, s: Sender) => Promise<unknown>) | undefined;
    if (!handler) return fail({ code: 'message.no-handler', params: { type } });
    try {
      return { ok: true, data: await handler(parsed.data, { ...sender, extensionPage }) };
    } catch (e) {
      const error = toAppError(e);
      if (error.code === 'internal') console.error(`[Rapport] "${type}" failed:`, e);
      return fail(error);
    }
  };
}
