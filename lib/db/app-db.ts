import Dexie, { type EntityTable } from 'dexie';
import type { Action, Contact, Customer, Feedback, Goal, ImportLog, Interaction, Score, Transaction } from '../schemas/domain';
import { MIGRATIONS } from './migrations';

/** A customer row as stored: the canonical customer plus its derived index keys. */
export type StoredCustomer = Customer & { crmKeys: string[] };

export interface MetaRow {
  key: string;
  value: unknown;
}

export class AppDB extends Dexie {
  customers!: EntityTable<StoredCustomer, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  transactions!: EntityTable<Transaction, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  feedback!: EntityTable<Feedback, 'id'>;
  goals!: EntityTable<Goal, 'id'>;
  actions!: EntityTable<Action, 'id'>;
  scores!: EntityTable<Score, 'customerId'>;
  importLog!: EntityTable<ImportLog, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = 'rapport', upTo = MIGRATIONS.length) {
    super(name);
    for (const m of MIGRATIONS.slice(0, upTo)) {
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
  }
}

export const crmKey = (ref: { crm: string; objectType: string; id: string }): string => `${ref.crm}:${ref.objectType}:${ref.id}`;

export function toStoredCustomer(c: Customer): StoredCustomer {
  return { ...c, crmKeys: c.crmRefs.map(crmKey) };
}

export function fromStoredCustomer(row: StoredCustomer): Customer {
  const { crmKeys: _derived, ...customer } = row;
  return customer;
}
