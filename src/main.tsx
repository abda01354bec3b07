import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { holdFirstScreen } from './app/first-screen.ts';

const root = document.getElementById('root')!;
holdFirstScreen(root);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
