import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { RapportPage } from '../../components/shared';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';
import { openReadDb } from '../../lib/db/read-db';
import { today } from '../../lib/clock';
import { isIsoDate } from '../../lib/sidepanel/periods';
import { workerComputer } from '../../lib/sidepanel/compute-client';

// `?asOf=yyyy-MM-dd` pins "today" (demo, e2e on the sample book); otherwise the browser's date.
const pinned = new URLSearchParams(location.search).get('asOf') ?? '';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RapportPage>
      <SidePanelApp db={openReadDb()} asOf={isIsoDate(pinned) ? pinned : today()} computer={workerComputer()} />
    </RapportPage>
  </StrictMode>,
);
