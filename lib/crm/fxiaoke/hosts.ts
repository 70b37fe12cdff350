/** Fxiaoke 纷享销客 web app host (crm-pages.md §6.1): `www.fxiaoke.com/XV/UI/Home#…`. */
export const FXIAOKE_MATCHES = ['https://www.fxiaoke.com/*'] as const;
