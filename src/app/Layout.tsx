import { lazy, Suspense, useEffect } from 'react';
import { Link as RouterLink, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { onSessionExpired } from '../lib/http.ts';
import { useSession, useSignOut } from '../features/session/api/session.ts';
import { useWorkItemsCount } from '../features/work-items/api/get-count-work-items.ts';
import { StatusBanners } from '../components/StatusBanners.tsx';
import { ColorModeToggle } from './ColorModeToggle.tsx';
import { useOwnerId, useRecentOwners } from '../lib/owner.ts';
import { isWorkItemPath, paths, routePatterns } from '../lib/paths.ts';
import { noteSessionExpired } from '../features/session/components/return-to.ts';

// The admin's owner picker (an Autocomplete) is loaded only for admins: approvers never download it.
const OwnerPicker = lazy(() => import('./OwnerPicker.tsx'));

const navButtonSx = {
  color: 'inherit',
  textTransform: 'none',
  fontSize: '0.95rem',
  borderRadius: 2,
  px: 1.5,
  '&.active': { bgcolor: 'rgba(255,255,255,0.16)', fontWeight: 600 },
} as const;

/**
 * After a 401 anywhere the session query becomes null and the guard sends the user to sign in, returning to this
 * exact URL afterwards; this note makes the sign-in page say that the session expired.
 */
function useSessionExpiryNote() {
  useEffect(() => onSessionExpired(noteSessionExpired), []);
}

function PendingCount({ ownerId }: { ownerId: string | undefined }) {
  const { data } = useWorkItemsCount({ ownerId });
  const count = data?.count;
  if (typeof count !== 'number') return null;
  return (
    <Box
      component="span"
      data-testid="inbox-count"
      sx={(theme) => ({
        ml: 1,
        px: 0.9,
        minWidth: 22,
        borderRadius: 10,
        fontSize: '0.75rem',
        fontWeight: 600,
        lineHeight: '20px',
        bgcolor: 'common.white',
        color: 'primary.main',
        textAlign: 'center',
        ...theme.applyStyles('dark', { bgcolor: 'primary.main', color: 'primary.contrastText' }),
      })}
    >
      {count}
    </Box>
  );
}

function OwnerBanner({ ownerId, selfId }: { ownerId: string | undefined; selfId: string }) {
  const recent = useRecentOwners();
  const location = useLocation();
  if (!ownerId || ownerId === selfId) return null;
  const name = recent.find((o) => o.id === ownerId)?.name ?? ownerId;
  const params = new URLSearchParams(location.search);
  params.delete('ownerId');
  params.delete('page');
  const back = paths.list(isWorkItemPath(location.pathname) ? routePatterns.inbox : location.pathname, params);
  return (
    <Alert
      severity="info"
      square
      role="status"
      data-testid="owner-banner"
      action={
        <Button component={RouterLink} to={back} color="inherit" size="small">
          Back to my items
        </Button>
      }
    >
      Viewing items of <strong>{name}</strong>
    </Alert>
  );
}

export function Layout() {
  const { data: session } = useSession();
  const ownerId = useOwnerId();
  const navigate = useNavigate();
  const signOut = useSignOut();
  useSessionExpiryNote();
  if (!session) return null; // the guard around this layout has already sent the user to sign in
  const doSignOut = () =>
    signOut.mutate(undefined, {
      onSettled: () => navigate(paths.signIn(), { replace: true }),
    });
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="sticky" elevation={0}>
        <Toolbar sx={{ gap: 1, flexWrap: 'wrap', py: { xs: 1, md: 0 } }}>
          <Typography
            component={RouterLink}
            to={paths.inbox({ ownerId })}
            variant="h6"
            sx={{ color: 'inherit', textDecoration: 'none', mr: 2, fontWeight: 700, whiteSpace: 'nowrap' }}
          >
            Work Items Inbox
          </Typography>
          <Box component="nav" aria-label="Main" sx={{ display: 'flex', gap: 0.5 }}>
            <Button component={NavLink} to={paths.inbox({ ownerId })} sx={navButtonSx}>
              Inbox
              <PendingCount ownerId={ownerId} />
            </Button>
            <Button component={NavLink} to={paths.completed({ ownerId })} sx={navButtonSx}>
              Completed
            </Button>
          </Box>
          <Box sx={{ flexGrow: 1 }} />
          {session.isAdmin && (
            <Suspense fallback={null}>
              <OwnerPicker selfId={session.identityId} />
            </Suspense>
          )}
          <Chip
            label={session.mode === 'sandbox' ? 'Sandbox' : 'Tenant'}
            data-testid="mode"
            size="small"
            variant="outlined"
            sx={{ color: 'inherit', borderColor: 'rgba(255,255,255,0.6)' }}
          />
          <ColorModeToggle />
          <Typography component="span" data-testid="signed-in-as" sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
            {session.name}
            {session.isAdmin && (
              <Box component="span" sx={{ opacity: 0.8, fontWeight: 400 }}>
                {' '}
                (admin)
              </Box>
            )}
          </Typography>
          <Button color="inherit" variant="outlined" size="small" onClick={doSignOut} disabled={signOut.isPending}>
            Sign out
          </Button>
        </Toolbar>
      </AppBar>
      <StatusBanners />
      <OwnerBanner ownerId={ownerId} selfId={session.identityId} />
      <Container component="main" maxWidth="xl" sx={{ py: 3 }}>
        <Outlet />
      </Container>
    </Box>
  );
}
