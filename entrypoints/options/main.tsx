import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { RapportPage } from '../../components/common';
import { OptionsApp } from '../../components/options/OptionsApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RapportPage>
      <OptionsApp />
    </RapportPage>
  </StrictMode>,
);
