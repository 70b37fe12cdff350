import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { CardPage } from '../../components/card/CardPage';
import { cardTheme } from '../../components/card/theme';

// The CRM page's theme (the overlay passes it; the card follows the page it sits on).
const theme = cardTheme(location.search);
document.documentElement.dataset.theme = theme;
document.documentElement.style.colorScheme = theme;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CardPage />
  </StrictMode>,
);
