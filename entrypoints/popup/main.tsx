import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { browser } from 'wxt/browser';
import { RapportPage } from '../../components/common';
import { QuickLogApp } from '../../components/popup/QuickLogApp';
import { browserPopupServices } from '../../lib/popup/popup-services';
import { today } from '../../lib/clock';

const services = browserPopupServices(window, () => void browser.runtime.openOptionsPage());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RapportPage>
      <QuickLogApp services={services} asOf={today()} />
    </RapportPage>
  </StrictMode>,
);
