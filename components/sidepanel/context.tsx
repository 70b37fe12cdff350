/** What every side panel view needs: the database (to read), "today", and navigation to a customer. */
import { createContext, useContext } from 'react';
import type { ReadDb } from '../../lib/db/read-db';
import type { CrmBases } from '../../lib/sidepanel/crm-links';
import type { Computer } from '../../lib/sidepanel/compute-client';

export interface SidePanelContextValue {
  /** The database, read-only: changes go to the background as messages. */
  db: ReadDb;
  /** Business "today" (ISO date); entry wiring computes it, tests fix it. */
  asOf: string;
  /** Show a customer in the Customer view. */
  openCustomer: (customerId: string) => void;
  /** Per-CRM bases learned from open CRM tabs, for "Open in CRM" links. */
  crmBases: CrmBases;
  /** Runs book-wide computations (a Worker in the extension). */
  computer: Computer;
  /** A view calls this once its first content is on screen (the Worker then loads the book, not before). */
  contentShown: () => void;
}

export const SidePanelContext = createContext<SidePanelContextValue | null>(null);

export function useSidePanel(): SidePanelContextValue {
  const v = useContext(SidePanelContext);
  if (!v) throw new Error('useSidePanel() must be used inside <SidePanelApp>.');
  return v;
}
