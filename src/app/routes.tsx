import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import LinearProgress from '@mui/material/LinearProgress';
import { Layout } from './Layout.tsx';
import { RouteErrorBoundary, NotFound } from './RouteError.tsx';
import { RequireSession } from '../features/session/components/RequireSession.tsx';
import { InboxPage } from '../features/work-items/routes/InboxPage.tsx';

// The inbox is in the first bundle (it is where everyone lands); every other page is its own chunk, loaded when
// first visited, so the inbox's first load stays small. (Declarative routes: the data router's loaders/actions
// are not used here and would add ~17 KB gzipped.)
const SignInPage = lazy(async () => ({
  default: (await import('../features/session/routes/SignInPage.tsx')).SignInPage,
}));
const CompletedPage = lazy(async () => ({
  default: (await import('../features/work-items/routes/CompletedPage.tsx')).CompletedPage,
}));
const WorkItemPage = lazy(async () => ({
  default: (await import('../features/work-items/routes/WorkItemPage.tsx')).WorkItemPage,
}));

function Page({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <RouteErrorBoundary resetKey={location.pathname}>
      <Suspense fallback={<LinearProgress aria-label="Loading the page" />}>{children}</Suspense>
    </RouteErrorBoundary>
  );
}

export function AppRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/sign-in"
          element={
            <Page>
              <SignInPage />
            </Page>
          }
        />
        <Route
          element={
            <RequireSession>
              <Layout />
            </RequireSession>
          }
        >
          <Route index element={<Navigate to="/inbox" replace />} />
          <Route
            path="inbox"
            element={
              <Page>
                <InboxPage />
              </Page>
            }
          />
          <Route
            path="completed"
            element={
              <Page>
                <CompletedPage />
              </Page>
            }
          />
          <Route
            path="work-items/:id"
            element={
              <Page>
                <WorkItemPage />
              </Page>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
