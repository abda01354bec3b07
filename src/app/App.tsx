import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
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

/** The whole app over a query client that main.tsx has already started the landing page's requests on. */
export function App({ queryClient }: { queryClient: QueryClient }) {
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
