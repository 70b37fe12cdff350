export const FXIAOKE_MATCHES = ['https://www.fxiaoke.com/*'] as const;
