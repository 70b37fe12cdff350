import { browser } from 'wxt/browser';
import type { MessagePayload } from '../schemas/messages';
import type { MessageType, Reply, Results } from './protocol';

export class MessagingError extends Error {
  override name = 'MessagingError';
}

/** Send one message to the background and unwrap its reply (throws the background's error text). */
export async function send<K extends MessageType>(type: K, payload: MessagePayload<K>): Promise<Results[K]> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<Results[K]> | undefined;
  if (!reply) throw new MessagingError(`The background did not answer "${type}".`);
  if (!reply.ok) throw new MessagingError(reply.error);
  return reply.data;
}
