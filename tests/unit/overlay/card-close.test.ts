import { describe, expect, it } from 'vitest';
import { CLOSE_CARD, isCloseFromCard } from '../../../lib/overlay/card-close';

const ORIGIN = 'chrome-extension://abcdefghijklmnop';

describe('closing the card from its frame', () => {
  it('is accepted only from our card frame’s window, at the extension’s origin, with the close message', () => {
    // Window proxies stand in for the card frame's window and the CRM page's own.
    const card = {} as Window;
    const page = {} as Window;
    const frame = { contentWindow: card } as HTMLIFrameElement;
    const close = { type: CLOSE_CARD };
    expect(isCloseFromCard({ data: close, origin: ORIGIN, source: card }, frame, ORIGIN)).toBe(true);
    // The CRM page posting the same message, another origin, another message, no card open.
    expect(isCloseFromCard({ data: close, origin: ORIGIN, source: page }, frame, ORIGIN)).toBe(false);
    expect(isCloseFromCard({ data: close, origin: 'https://acme.lightning.force.com', source: card }, frame, ORIGIN)).toBe(false);
    expect(isCloseFromCard({ data: { type: 'rapport:open' }, origin: ORIGIN, source: card }, frame, ORIGIN)).toBe(false);
    expect(isCloseFromCard({ data: 'rapport:close-card', origin: ORIGIN, source: card }, frame, ORIGIN)).toBe(false);
    expect(isCloseFromCard({ data: close, origin: ORIGIN, source: card }, null, ORIGIN)).toBe(false);
  });
});
