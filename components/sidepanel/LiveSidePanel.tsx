/** The side panel as the extension opens it: "today" from the browser's clock, moving at local midnight (useToday). */
import type { JSX } from 'react';
import type { ReadDb } from '../../lib/db/read-db';
import type { Computer } from '../../lib/sidepanel/compute-client';
import { SidePanelApp } from './SidePanelApp';
import { useToday } from './useToday';

export function LiveSidePanel({ db, pinned, computer }: { db: ReadDb; pinned: string | null; computer?: Computer }): JSX.Element {
  const asOf = useToday(pinned);
  return <SidePanelApp db={db} asOf={asOf} computer={computer} />;
}
