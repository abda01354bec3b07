import { Suspense, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import LinearProgress from '@mui/material/LinearProgress';
import { Layout } from './Layout.tsx';
import { RouteErrorBoundary, NotFound } from './RouteError.tsx';
import { RequireSession } from '../features/session/components/RequireSession.tsx';
import { InboxPage } from '../features/work-items/routes/InboxPage.tsx';

// The inbox is in the first bundle (it is where everyone lands); every other page is its own chunk, loaded when
// first visited, so the inbox's first load stays small. (Declarative routes: the data router's loaders/actions
// are not used here and would add ~17 KB gzipped.)
//
// Not React.lazy: it keeps a failed load failed for good, so a page first opened while offline would stay broken
// until a reload. Here a failure goes to the route's error boundary once ("You are offline…"), and the next render
// (the boundary resets when the network returns, or on "Try again") loads the chunk again.
function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  let Loaded: ComponentType | undefined;
  let pending: Promise<void> | undefined;
  let failure: { error: unknown } | undefined;
  return function LazyPage() {
    if (Loaded) return <Loaded />;
    if (failure) {
      const { error } = failure;
      failure = undefined;
      throw error;
    }
    pending ??= load().then(
      (component) => {
        Loaded = component;
      },
      (error: unknown) => {
        failure = { error };
        pending = undefined;
      },
    );
    throw pending;
  };
}

const SignInPage = lazyPage(async () => (await import('../features/session/routes/SignInPage.tsx')).SignInPage);
const CompletedPage = lazyPage(
  async () => (await import('../features/work-items/routes/CompletedPage.tsx')).CompletedPage,
);
const WorkItemPage = lazyPage(
  async () => (await import('../features/work-items/routes/WorkItemPage.tsx')).WorkItemPage,
);

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
