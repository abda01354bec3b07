import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { createQueryClient } from './query-client.ts';
import { startLandingRequests } from './landing-requests.ts';
import { AppRoutes } from './routes.tsx';
import { theme } from './theme.ts';
import { NotifyProvider } from '../components/notify.tsx';

export function App() {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    startLandingRequests(client);
    return client;
  });
  return (
    <ThemeProvider theme={theme} defaultMode="system">
      <CssBaseline enableColorScheme />
      <QueryClientProvider client={queryClient}>
        <NotifyProvider>
          <AppRoutes />
        </NotifyProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
