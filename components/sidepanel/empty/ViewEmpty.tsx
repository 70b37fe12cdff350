/**
 * A side panel view's empty state: with no customers in the book, the next steps (import, the
 * sample); otherwise the view's own sentence (`text`: "Nothing is due…", "No goals yet…"), if any.
 */
import type { JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { customersRepo } from '../../../lib/db/repos/customers';
import { NoCustomersYet } from '../../common/EmptyState';
import { useSidePanel } from '../context';

export function ViewEmpty({ text }: { text?: string }): JSX.Element | null {
  const { db } = useSidePanel();
  const customers = useLiveQuery(() => customersRepo(db).count(), [db]);
  if (customers === 0) return <NoCustomersYet />;
  return text ? <p className="sp-empty">{text}</p> : null;
}
