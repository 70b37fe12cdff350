/**
 * Numbered Dexie schema versions. Never edit a shipped version: add the next one, with an
 * `upgrade` when existing rows need rewriting, and a test in tests/unit/db/migrations.test.ts
 * that opens a database at the previous version, writes rows, and upgrades it.
 */
import type { Transaction as DexieTransaction } from 'dexie';

export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: DexieTransaction) => Promise<void>;
}

import { v1 } from './001-initial';
import { v2 } from './002-settings';
import { v3 } from './003-history';
import { v4 } from './004-crm-tenants';
import { v5 } from './005-sync';
import { v6 } from './006-order-keys';

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5, v6];
