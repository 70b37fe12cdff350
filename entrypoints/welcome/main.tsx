import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { RapportPage } from '../../components/common';
import { WelcomeApp } from '../../components/welcome/WelcomeApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RapportPage>
      <WelcomeApp />
    </RapportPage>
  </StrictMode>,
);
