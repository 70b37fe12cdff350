import type { Migration } from './index';

/**
 * v2: the settings item moves into the extension-origin database (content scripts cannot
 * write it, unlike `storage.local`). One row, key `settings`; lib/settings/legacy.ts carries
 * settings stored in `storage.local` by v1 builds over once.
 */
export const v2: Migration = {
  version: 2,
  stores: { settings: '&key' },
};
