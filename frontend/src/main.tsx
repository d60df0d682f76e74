// One variable font file per script instead of three weights in two formats each.
import '@fontsource-variable/roboto/wght.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetchStartView } from './AppRoutes';

prefetchStartView();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
