/**
 * "Close the card": the card iframe (extension origin) cannot reach into the CRM page, so on Esc
 * it posts this to its parent window, where the content script checks that it came from its own
 * card frame (the message's source window and origin) before closing the card. It carries
 * nothing else: the page may see it, and a page posting it itself is ignored.
 */
export const CLOSE_CARD = 'rapport:close-card';

export interface CloseCard {
  type: typeof CLOSE_CARD;
}

export const isCloseCard = (data: unknown): data is CloseCard => typeof data === 'object' && data !== null && (data as { type?: unknown }).type === CLOSE_CARD;

/** Whether a window message is our card frame asking to close: from that frame's window, at the extension's origin. */
export function isCloseFromCard(e: Pick<MessageEvent, 'data' | 'origin' | 'source'>, frame: HTMLIFrameElement | null, extensionOrigin: string): boolean {
  return !!frame && frame.contentWindow !== null && e.source === frame.contentWindow && e.origin === extensionOrigin && isCloseCard(e.data);
}
