import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { AppShell } from '../../components/AppShell';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);
