// The providers a page of the inbox renders in, for tests: the real registry of kinds (or the test's own), the
// query client, toasts and a router over the window's own history (the pages read and write the window's URL, as
// in the browser), at `url`.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { KINDS } from '../app/kinds.ts';
import { NotifyProvider } from '../components/notify.tsx';
import { KindsContext } from '../lib/kinds/context.ts';
import type { InboxKind } from '../lib/kinds/kind.ts';

export function kindsWrapper(client: QueryClient, kinds: readonly InboxKind[] = KINDS, url = '/inbox') {
  window.history.replaceState(null, '', url);
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={client}>
        <KindsContext.Provider value={kinds}>
          <NotifyProvider>
            <BrowserRouter>{children}</BrowserRouter>
          </NotifyProvider>
        </KindsContext.Provider>
      </QueryClientProvider>
    );
  };
}
