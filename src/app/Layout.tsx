import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { onSessionExpired } from '../lib/http.ts';
import { PendingCount } from '../features/inbox/counts/PendingCount.tsx';
import { StatusBanners } from '../components/StatusBanners.tsx';
import { OutboxNotices } from '../components/OutboxNotices.tsx';
import { useSignOutWithOutbox } from './use-outbox-session.ts';
import { usePhone } from '../components/use-phone.ts';
import { Banner, BarRow, RoundButton, Tag, TopBar } from '../components/lite.tsx';
import { ColorModeToggle } from './ColorModeToggle.tsx';
import { useHeadingFocusOnNavigation } from './use-heading-focus.ts';
import { useOwnerId, useRecentOwners } from '../lib/owner.ts';
import { isCompletedPath, paths, routePatterns } from '../lib/paths.ts';
import { useSession } from '../lib/session/session.ts';
import { noteSessionExpired } from '../features/session/components/return-to.ts';
import { AWAY_SHORTCUT, useShortcuts } from '../features/inbox/keyboard/use-shortcuts.ts';

// The admin's owner picker (an Autocomplete) is loaded only for admins: approvers never download it.
const OwnerPicker = lazy(() => import('./OwnerPicker.tsx'));
// Only needed when a decision could not be sent before signing out.
const UnsentDecisionsDialog = lazy(async () => ({
  default: (await import('./UnsentDecisionsDialog.tsx')).UnsentDecisionsDialog,
}));

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

function OwnerBanner({ ownerId, selfId, isAdmin }: { ownerId: string | undefined; selfId: string; isAdmin: boolean }) {
  const recent = useRecentOwners();
  const location = useLocation();
  if (!ownerId || ownerId === selfId) return null;
  const name = recent.find((o) => o.id === ownerId)?.name ?? ownerId;
  const params = new URLSearchParams(location.search);
  params.delete('ownerId');
  params.delete('page');
  // a list stays the same list; an item's page goes back to one's own inbox (the other owner's item is not one's own)
  const back = paths.list(isCompletedPath(location.pathname) ? routePatterns.completed : routePatterns.inbox, params);
  return (
    <Banner
      severity="info"
      square
      role="status"
      data-testid="owner-banner"
      action={
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
          {isAdmin && location.pathname !== routePatterns.away && (
            <Button component={RouterLink} to={paths.away({ ownerId })} color="inherit" size="small">
              Hand over their work
            </Button>
          )}
          <Button component={RouterLink} to={back} color="inherit" size="small">
            Back to my items
          </Button>
        </Box>
      }
    >
      Viewing items of <strong>{name}</strong>
    </Banner>
  );
}

function SignedInAs({ name, isAdmin }: { name: string; isAdmin: boolean }) {
  return (
    <Typography component="span" data-testid="signed-in-as" sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
      {name}
      {isAdmin && (
        <Box component="span" sx={{ opacity: 0.8, fontWeight: 400 }}>
          {' '}
          (admin)
        </Box>
      )}
    </Typography>
  );
}

function ModeChip({ mode }: { mode: string }) {
  return (
    <Tag
      label={mode === 'sandbox' ? 'Sandbox' : 'Tenant'}
      data-testid="mode"
      sx={{ color: 'inherit', borderColor: 'rgba(255,255,255,0.6)' }}
    />
  );
}

const MENU_ID = 'app-bar-menu';

/**
 * The phone's app bar: one row (the two pages and a menu button); who is signed in, the mode, the owner picker,
 * the theme and sign-out fold into a panel under it. Closes on every page change.
 */
function PhoneAppBar({ nav, menu }: { nav: ReactNode; menu: ReactNode }) {
  const [open, setOpen] = useState(false);
  const { pathname, search } = useLocation();
  const [at, setAt] = useState(pathname + search);
  if (at !== pathname + search) {
    setAt(pathname + search);
    setOpen(false);
  }
  return (
    <>
      <BarRow gutters={false} sx={{ gap: 0.5, minHeight: 56, px: 1 }}>
        {nav}
        <Box sx={{ flexGrow: 1 }} />
        <RoundButton
          aria-label="Account and settings"
          aria-expanded={open}
          aria-controls={MENU_ID}
          onClick={() => setOpen((o) => !o)}
          sx={{ width: 44, height: 44 }}
        >
          <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
            {open ? (
              <path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z" />
            ) : (
              <path d="M3 18h18v-2H3v2zm0-5h18v-2H3v2zm0-7v2h18V6H3z" />
            )}
          </svg>
        </RoundButton>
      </BarRow>
      {open && (
        <Box
          id={MENU_ID}
          role="region"
          aria-label="Account and settings"
          sx={{ px: 2, pb: 2, display: 'grid', gap: 1.5, borderTop: 1, borderColor: 'rgba(255,255,255,0.24)', pt: 1.5 }}
        >
          {menu}
        </Box>
      )}
    </>
  );
}

export function Layout() {
  const { data: session } = useSession();
  const ownerId = useOwnerId();
  const navigate = useNavigate();
  const signOut = useSignOutWithOutbox(() => navigate(paths.signIn(), { replace: true }));
  const phone = usePhone();
  useSessionExpiryNote();
  useHeadingFocusOnNavigation();
  useShortcuts({ [AWAY_SHORTCUT]: () => void navigate(paths.away()) });
  if (!session) return null; // the guard around this layout has already sent the user to sign in
  const nav = (
    <Box component="nav" aria-label="Main" sx={{ display: 'flex', gap: 0.5 }}>
      <Button component={NavLink} to={paths.inbox({ ownerId })} sx={navButtonSx}>
        Inbox
        <PendingCount ownerId={ownerId} />
      </Button>
      <Button component={NavLink} to={paths.completed({ ownerId })} sx={navButtonSx}>
        Completed
      </Button>
    </Box>
  );
  const ownerPicker = (width?: string) =>
    session.isAdmin && (
      <Suspense fallback={null}>
        <OwnerPicker selfId={session.identityId} width={width} />
      </Suspense>
    );
  const awayLink = (
    <Button component={NavLink} to={paths.away()} end color="inherit" size="small" sx={navButtonSx}>
      Away
    </Button>
  );
  const signOutButton = (
    <Button color="inherit" variant="outlined" size="small" onClick={signOut.signOut} disabled={signOut.busy}>
      Sign out
    </Button>
  );
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <TopBar>
        {phone ? (
          <PhoneAppBar
            nav={nav}
            menu={
              <>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                  <SignedInAs name={session.name} isAdmin={session.isAdmin} />
                  <ModeChip mode={session.mode} />
                </Box>
                {ownerPicker('100%')}
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                  {awayLink}
                  <ColorModeToggle />
                  <Box sx={{ flexGrow: 1 }} />
                  {signOutButton}
                </Box>
              </>
            }
          />
        ) : (
          <BarRow sx={{ gap: 1, flexWrap: 'wrap', py: { xs: 1, md: 0 } }}>
            <Typography
              component={RouterLink}
              to={paths.inbox({ ownerId })}
              variant="h6"
              sx={{ color: 'inherit', textDecoration: 'none', mr: 2, fontWeight: 700, whiteSpace: 'nowrap' }}
            >
              Work Items Inbox
            </Typography>
            {nav}
            <Box sx={{ flexGrow: 1 }} />
            {ownerPicker()}
            <ModeChip mode={session.mode} />
            <ColorModeToggle />
            <SignedInAs name={session.name} isAdmin={session.isAdmin} />
            {awayLink}
            {signOutButton}
          </BarRow>
        )}
      </TopBar>
      <StatusBanners />
      <OutboxNotices />
      {signOut.unsent && (
        <Suspense fallback={null}>
          <UnsentDecisionsDialog
            entries={signOut.unsent}
            busy={signOut.busy}
            onSendNow={() => void signOut.sendNow()}
            onDiscard={() => void signOut.discard()}
            onKeep={signOut.keep}
            onClose={signOut.cancel}
          />
        </Suspense>
      )}
      <OwnerBanner ownerId={ownerId} selfId={session.identityId} isAdmin={session.isAdmin} />
      {/* wide screens give the lists' names and descriptions the room (up to 1800 px), not empty margins */}
      <Box
        component="main"
        sx={{
          display: 'block',
          boxSizing: 'border-box',
          width: '100%',
          mx: 'auto',
          py: { xs: 2, sm: 3 },
          px: { xs: 1.5, sm: 3 },
          maxWidth: 1800,
        }}
      >
        <Outlet />
      </Box>
    </Box>
  );
}
