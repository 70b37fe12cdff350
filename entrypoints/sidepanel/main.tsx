import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { askSettingsEarly, RapportPage } from '../../components/common';
import { LiveSidePanel } from '../../components/sidepanel/LiveSidePanel';
import { openReadDb } from '../../lib/db/read-db';
import { isIsoDate } from '../../lib/sidepanel/periods';
import { workerComputer } from '../../lib/sidepanel/compute-client';
import { readTodayEarly } from '../../components/sidepanel/early-today';
import { today } from '../../lib/clock';

// `?asOf=yyyy-MM-dd` pins "today" (demo, e2e on the sample book); otherwise the browser's date, moving at midnight.
const pinned = new URLSearchParams(location.search).get('asOf') ?? '';
askSettingsEarly();
const db = openReadDb();
// Today's first read starts now, while the page waits for its settings
readTodayEarly(db, isIsoDate(pinned) ? pinned : today());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RapportPage>
      <LiveSidePanel db={db} pinned={isIsoDate(pinned) ? pinned : null} computer={workerComputer()} />
    </RapportPage>
  </StrictMode>,
);
