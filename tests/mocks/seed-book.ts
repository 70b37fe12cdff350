/** What every CRM mock's `seed` takes: canonical rows (the sample book fits), mapped into the CRM's own shapes. */
import type { Contact, Customer, Feedback, Interaction, Transaction } from '../../lib/schemas/domain';

export interface SeedBook {
  customers: readonly Customer[];
  contacts?: readonly Contact[];
  transactions?: readonly Transaction[];
  interactions?: readonly Interaction[];
  feedback?: readonly Feedback[];
}
