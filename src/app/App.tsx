import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { createQueryClient } from './query-client.ts';
import { startLandingRequests } from './landing-requests.ts';
import { releaseFirstScreenWhenSettled } from './first-screen.ts';
import { AppRoutes } from './routes.tsx';
import { theme } from './theme.ts';
import { NotifyProvider } from '../components/notify.tsx';
import { KindsContext } from '../lib/kinds/context.ts';
import { KINDS } from './kinds.ts';
import { useOutboxIdentity, useOutboxKinds } from './use-outbox-session.ts';

/** Whoever is signed in is who the outbox sends for; the kinds answer for their own decisions. */
function OutboxIdentity() {
  useOutboxKinds(KINDS);
  useOutboxIdentity();
  return null;
}

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    startLandingRequests(client, KINDS);
    releaseFirstScreenWhenSettled(client);
    return client;
  });
  return (
    <ThemeProvider theme={theme} defaultMode="system">
      <CssBaseline enableColorScheme />
      <QueryClientProvider client={queryClient}>
        <KindsContext.Provider value={KINDS}>
          <NotifyProvider>
            <OutboxIdentity />
            <AppRoutes kinds={KINDS} />
          </NotifyProvider>
        </KindsContext.Provider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
