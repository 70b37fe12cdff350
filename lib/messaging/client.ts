import { browser } from 'wxt/browser';
import type { MessagePayload } from '../schemas/messages';
import { isAppError, type AppError } from './errors';
import type { MessageType, Reply, Results } from './protocol';

/** A failed request: `error` is the background's code, field and params (translate with lib/i18n/errors.ts). */
export class MessagingError extends Error {
  override name = 'MessagingError';
  constructor(readonly error: AppError) {
    super(error.field ? `${error.code} (${error.field})` : error.code);
  }
}

/** Send one message to the background and unwrap its reply (throws a MessagingError with the background's error code). */
export async function send<K extends MessageType>(type: K, payload: MessagePayload<K>): Promise<Results[K]> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<Results[K]> | undefined;
  if (!reply) throw new MessagingError({ code: 'background.no-answer', params: { type } });
  if (!reply.ok) throw new MessagingError(isAppError(reply.error) ? reply.error : { code: 'internal' });
  return reply.data;
}
