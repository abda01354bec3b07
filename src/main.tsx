import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { KINDS } from './app/kinds.ts';
import { holdFirstScreen, releaseFirstScreenWhenSettled } from './app/first-screen.ts';
import { startLandingRequests } from './app/landing-requests.ts';
import { createQueryClient } from './app/query-client.ts';

const root = document.getElementById('root')!;
holdFirstScreen(root);
// The landing page's requests leave before React's first render, which takes a while on a slow machine: they are
// answered meanwhile instead of after it.
const queryClient = createQueryClient();
startLandingRequests(queryClient, KINDS);
releaseFirstScreenWhenSettled(queryClient);
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
