import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import Box from '@mui/material/Box';
import { LazyErrorAlert as ErrorAlert } from '../../../components/ErrorAlertLazy.tsx';
import { useSession } from '../../../lib/session/session.ts';
import { signInUrl } from './return-to.ts';
import { ProgressBar } from '../../../components/lite.tsx';

/** The guard around the signed-in pages: without a session, go to sign in and come back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data: session, error, refetch } = useSession();
  const location = useLocation();
  if (session === undefined && error) {
    return (
      <Box sx={{ p: 4, maxWidth: 720, mx: 'auto' }}>
        <ErrorAlert error={error} title="Could not check your session" onRetry={() => refetch()} />
      </Box>
    );
  }
  if (session === undefined) {
    return (
      <Box sx={{ position: 'fixed', inset: '0 0 auto 0' }}>
        <ProgressBar label="Checking your session" />
      </Box>
    );
  }
  if (!session) return <Navigate to={signInUrl(location.pathname + location.search + location.hash)} replace />;
  return children;
}
