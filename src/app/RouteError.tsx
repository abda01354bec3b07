import { Component, useEffect, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { LazyErrorAlert as ErrorAlert } from '../components/ErrorAlertLazy.tsx';
import { paths } from '../lib/paths.ts';
import { Banner } from '../components/lite.tsx';

/** A page whose code was not downloaded because the browser is offline (the download waits for the network). */
export class PageNotLoadedError extends Error {
  override name = 'PageNotLoadedError';
  constructor() {
    super('Failed to fetch dynamically imported module: the browser is offline');
  }
}

function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script|Failed to fetch|error loading/i.test(error.message)
  );
}

function ErrorPage({ title, error, onReset }: { title: string; error?: unknown; onReset?: () => void }) {
  const isChunkError = isChunkLoadError(error);
  const offline = isChunkError && typeof navigator !== 'undefined' && !navigator.onLine;
  // A page that could not be downloaded while offline loads by itself when the network returns (no reload).
  useEffect(() => {
    if (!isChunkError || !onReset) return;
    window.addEventListener('online', onReset);
    return () => window.removeEventListener('online', onReset);
  }, [isChunkError, onReset]);
  if (offline) {
    return (
      <Box sx={{ py: 4, maxWidth: 720, mx: 'auto' }}>
        <Typography variant="h4" component="h1" gutterBottom>
          This page is not loaded yet
        </Typography>
        {/* a plain alert: the error alert is a chunk of its own, and the network is gone */}
        <Banner
          severity="warning"
          action={
            onReset && (
              <Button color="inherit" size="small" onClick={onReset}>
                Try again
              </Button>
            )
          }
        >
          You are offline. This page loads by itself when the network returns.
        </Banner>
      </Box>
    );
  }
  return (
    <Box sx={{ py: 4, maxWidth: 720, mx: 'auto' }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {title}
      </Typography>
      {error !== undefined && (
        <ErrorAlert
          error={isChunkError ? { message: 'A new version of the app is available. Reload the page.' } : error}
          onRetry={() => window.location.reload()}
        />
      )}
      <Button component={RouterLink} to={paths.inbox()} sx={{ mt: 2 }} variant="contained">
        Go to the inbox
      </Button>
    </Box>
  );
}

export function NotFound() {
  return <ErrorPage title="Page not found" />;
}

/** A page that crashes shows what happened and a way back instead of a blank screen; navigating away resets it. */
export class RouteErrorBoundary extends Component<
  { resetKey: string; children: ReactNode },
  { error: unknown; key: string | null }
> {
  state = { error: undefined as unknown, key: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('Unknown error') };
  }

  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { error: unknown; key: string | null },
  ): Partial<{ error: unknown; key: string | null }> | null {
    if (state.key !== props.resetKey) return { key: props.resetKey, error: undefined };
    return null;
  }

  reset = () => this.setState({ error: undefined });

  render() {
    if (this.state.error !== undefined) {
      return <ErrorPage title="Something went wrong" error={this.state.error} onReset={this.reset} />;
    }
    return this.props.children;
  }
}
