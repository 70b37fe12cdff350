/**
 * The background's single entry for messages: checks the sender, validates the payload with
 * its zod schema, runs the handler, and always answers `{ ok, data | error }` — a malformed
 * message gets a clear error naming the message and the field, never a crash or a silent drop.
 */
import { MessageSchemas, EXTENSION_PAGE_ONLY, type MessageSchemaMap } from '../schemas/messages';
import type { z } from '../schemas/zod';
import type { MessageType, Reply, Results } from './protocol';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type Handlers = {
  [K in MessageType]: (payload: z.output<MessageSchemaMap[K]>, sender: Sender) => Promise<Results[K]>;
};

export interface RouterOptions {
  extensionId: string;
  /** e.g. `chrome-extension://<id>/`; pages from this origin may send page-only messages. */
  extensionOrigin: string;
}

const describeIssues = (type: string, error: z.ZodError): string =>
  `Invalid "${type}" message: ` + error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`).join('; ');

/** Handlers are registered per service module; a type without one answers a clear error. */
export function createRouter(handlers: Partial<Handlers>, opts: RouterOptions) {
  return async function route(message: unknown, sender: Sender): Promise<Reply<unknown>> {
    if (sender.id !== opts.extensionId) return { ok: false, error: 'Rejected: message from another extension or page.' };
    if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string')
      return { ok: false, error: 'Rejected: a message must be an object with a string "type".' };
    const { type, payload } = message as { type: string; payload?: unknown };
    if (!Object.hasOwn(MessageSchemas, type)) return { ok: false, error: `Rejected: unknown message type "${type}".` };
    const key = type as MessageType;
    if (EXTENSION_PAGE_ONLY.has(key) && !(sender.url ?? '').startsWith(opts.extensionOrigin))
      return { ok: false, error: `Rejected: "${type}" may only be sent from Rapport's own pages.` };
    const parsed = MessageSchemas[key].safeParse(payload);
    if (!parsed.success) return { ok: false, error: describeIssues(type, parsed.error) };
    const handler = handlers[key] as ((p: unknown, s: Sender) => Promise<unknown>) | undefined;
    if (!handler) return { ok: false, error: `Rejected: no handler for "${type}".` };
    try {
      return { ok: true, data: await handler(parsed.data, sender) };
    } catch (e) {
      console.error(`[Rapport] "${type}" failed:`, e);
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
}
