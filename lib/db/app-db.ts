import Dexie, { type EntityTable } from 'dexie';
import { MIGRATIONS } from './migrations';
import { TABLES, type Rows, type TableName } from './tables';
import { validateWrites } from './validate';

export type { MetaRow, SettingsRow, StoredCustomer } from './tables';

type Key<K extends TableName> = (typeof TABLES)[K]['key'];

/**
 * The extension-origin database. Only repositories (lib/db/repos) touch its tables; the
 * background opens it through `getDb()` (lib/db/db.ts) and extension pages through the
 * read-only handle of lib/db/read-db.ts.
 */
export class AppDB extends Dexie {
  customers!: EntityTable<Rows['customers'], Key<'customers'>>;
  contacts!: EntityTable<Rows['contacts'], Key<'contacts'>>;
  transactions!: EntityTable<Rows['transactions'], Key<'transactions'>>;
  interactions!: EntityTable<Rows['interactions'], Key<'interactions'>>;
  feedback!: EntityTable<Rows['feedback'], Key<'feedback'>>;
  goals!: EntityTable<Rows['goals'], Key<'goals'>>;
  actions!: EntityTable<Rows['actions'], Key<'actions'>>;
  scores!: EntityTable<Rows['scores'], Key<'scores'>>;
  importLog!: EntityTable<Rows['importLog'], Key<'importLog'>>;
  meta!: EntityTable<Rows['meta'], Key<'meta'>>;
  settings!: EntityTable<Rows['settings'], Key<'settings'>>;
  syncConnections!: EntityTable<Rows['syncConnections'], Key<'syncConnections'>>;
  syncCursors!: EntityTable<Rows['syncCursors'], Key<'syncCursors'>>;
  syncOutbox!: EntityTable<Rows['syncOutbox'], Key<'syncOutbox'>>;
  scoreHistory!: EntityTable<Rows['scoreHistory'], Key<'scoreHistory'>>;
  actionOutcomes!: EntityTable<Rows['actionOutcomes'], Key<'actionOutcomes'>>;

  constructor(name = 'rapport', upTo = MIGRATIONS.length) {
    super(name);
    for (const m of MIGRATIONS.slice(0, upTo)) {
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
    this.use(validateWrites);
  }
}

// Every table of the list has its property on AppDB (a table added to TABLES without one fails here).
export type AppDbTables = { [K in TableName]: AppDB[K] };

export { crmKey, refKey, toStoredCustomer, fromStoredCustomer } from './stored';
