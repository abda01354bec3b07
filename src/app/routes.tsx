import { Suspense, type ComponentType, type ReactNode } from 'react';
import {
  unstable_HistoryRouter as HistoryRouter,
  Navigate,
  Route,
  Routes,
  useLocation,
  type HistoryRouterProps,
} from 'react-router';
import { Layout } from './Layout.tsx';
import { PageNotLoadedError, RouteErrorBoundary, NotFound } from './RouteError.tsx';
import { RequireSession } from '../features/session/components/RequireSession.tsx';
import { InboxPage } from '../features/inbox/routes/InboxPage.tsx';
import { LazyForwardDialog, loadForwardDialog } from '../features/forward/components/load-forward-dialog.ts';
import { appHistory } from '../lib/history.ts';
import type { InboxKind } from '../lib/kinds/kind.ts';
import { routePatterns } from '../lib/paths.ts';
import { ProgressBar } from '../components/lite.tsx';

// The inbox is in the first bundle (it is where everyone lands); every other page is its own chunk, loaded when
// first visited, so the inbox's first load stays small. Pages here compose the features: the inbox and each kind's
// detail page get the forward dialog from the forward feature; a kind's detail route is the kind's own page inside
// the inbox's DetailRoute, both chunks fetched at once.
//
// Declarative routes over our own browser history (src/lib/history.ts, the `history` package), not the data router.
// Measured with the benchmark's own harness (bench/lib/browser.ts `shippedBytes`: inbox first load, JS gzip, every
// chunk until network idle) on three builds of the same code: <HistoryRouter history={routerHistory}> 210.8 KB; createBrowserRouter +
// <RouterProvider> 226.6 KB (+15.8 KB: react-router's chunk goes from 14.2 to 30.6 KB gzip); this HistoryRouter +
// `history` 211.0 KB (+0.2 KB). The goal is 180 KB, so the data router would cost half of what removing MUI's
// TablePagination saves. What it would have given — route `lazy`, `useBlocker`, loaders — is here without it: pages
// load through `lazyPage` below (route `lazy` keeps a failed import failed until a reload, which is what lazyPage
// exists to avoid), the form's leave guard blocks the history itself (links, Back/Forward, reload:
// src/features/forms/use-leave-guard.tsx), and the landing requests start before React renders
// (landing-requests.ts), which a loader would only do later.
//
// Not React.lazy: it keeps a failed load failed for good, so a page first opened while offline would stay broken
// until a reload. Here a failure goes to the route's error boundary once ("You are offline…"), and the next render
// (the boundary resets when the network returns, or on "Try again") loads the chunk again.
//
// Browsers remember a module script that failed to download (the HTML module map keeps the failure), so importing
// the same URL again fails again without asking the network (seen in Chromium 150). Two defences: while the browser
// knows it is offline, no import is attempted at all (nothing to remember); and an import that failed while
// online is retried once under a new URL (the same file with a query string), which the module map has not seen.
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  let Loaded: ComponentType | undefined;
  let pending: Promise<void> | undefined;
  let failure: { error: unknown } | undefined;
  const attempt = async () => {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new PageNotLoadedError();
    try {
      return pick(await load());
    } catch (error) {
      const url = failedModuleUrl(error);
      if (!url) throw error;
      return pick((await import(/* @vite-ignore */ `${url}?retry=${Date.now()}`)) as M);
    }
  };
  return function LazyPage() {
    if (Loaded) return <Loaded />;
    if (failure) {
      const { error } = failure;
      failure = undefined;
      throw error;
    }
    pending ??= attempt().then(
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

/** The script URL named by a failed dynamic import ("Failed to fetch dynamically imported module: <url>"). */
function failedModuleUrl(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  const url = /(https?:\/\/\S+?\.js)\b/.exec(message)?.[1];
  return url && new URL(url).origin === location.origin ? url : undefined;
}

const SignInPage = lazyPage(
  () => import('../features/session/routes/SignInPage.tsx'),
  (m) => m.SignInPage,
);
const CompletedPage = lazyPage(
  () => import('../features/inbox/routes/CompletedPage.tsx'),
  (m) => m.CompletedPage,
);

const AwayPage = lazyPage(
  () => import('../features/away/routes/AwayPage.tsx'),
  (m) => m.AwayPage,
);

const forwardPreload = () => void loadForwardDialog();

function Inbox() {
  return <InboxPage HandoverDialog={LazyForwardDialog} loadHandoverDialog={forwardPreload} />;
}

/** A kind's detail route: its page inside the inbox's DetailRoute, one lazy page per kind. */
const detailPages = new WeakMap<InboxKind, ComponentType>();
function detailPageOf(kind: InboxKind): ComponentType {
  let page = detailPages.get(kind);
  if (!page) {
    page = lazyPage(
      () => Promise.all([import('../features/inbox/routes/DetailRoute.tsx'), kind.loadDetailPage()]),
      ([{ DetailRoute }, KindPage]) =>
        function KindDetail() {
          return (
            <DetailRoute
              kind={kind}
              Page={KindPage}
              HandoverDialog={LazyForwardDialog}
              loadHandoverDialog={forwardPreload}
            />
          );
        },
    );
    detailPages.set(kind, page);
  }
  return page;
}

// `history`'s BrowserHistory is what HistoryRouter takes; its type lacks react-router 7's optional navigator extras
// (createURL, encodeLocation), which react-router only uses when present.
const routerHistory = appHistory as unknown as HistoryRouterProps['history'];

function Page({ children }: { children: ReactNode }) {
  const location = useLocation();
  return (
    <RouteErrorBoundary resetKey={location.pathname}>
      <Suspense fallback={<ProgressBar label="Loading the page" />}>{children}</Suspense>
    </RouteErrorBoundary>
  );
}

export function AppRoutes({ kinds }: { kinds: readonly InboxKind[] }) {
  return (
    <HistoryRouter history={routerHistory}>
      <Routes>
        <Route
          path={routePatterns.signIn}
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
          <Route index element={<Navigate to={routePatterns.inbox} replace />} />
          <Route
            path={routePatterns.inbox}
            element={
              <Page>
                <Inbox />
              </Page>
            }
          />
          <Route
            path={routePatterns.completed}
            element={
              <Page>
                <CompletedPage />
              </Page>
            }
          />
          <Route
            path={routePatterns.away}
            element={
              <Page>
                <AwayPage />
              </Page>
            }
          />
          {kinds.map((kind) => {
            const DetailPage = detailPageOf(kind);
            return (
              <Route
                key={kind.name}
                path={kind.route}
                element={
                  <Page>
                    <DetailPage />
                  </Page>
                }
              />
            );
          })}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </HistoryRouter>
  );
}
