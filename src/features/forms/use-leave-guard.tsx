// "Leave this page?" while a form holds unsaved input.
//
// react-router's `useBlocker` only works under a data router (createBrowserRouter); this app mounts the declarative
// <BrowserRouter> on purpose (the data router adds ~17 KB gzipped to the inbox's first load, see src/app/routes.tsx).
// So the guard holds the router's navigator instead: push/replace (every <Link> and navigate()) wait for a
// confirmation, and reload/close/typing a URL get the browser's own beforeunload prompt. Navigations to sign-in are
// never held: an expired session must be able to leave, and the draft brings the values back afterwards.
//
// Not held: the browser's Back/Forward buttons. The router reacts to popstate before any listener added later can
// (Chromium runs window listeners in the order they were added, capture or not), so undoing it would flash the
// other page. Nothing is lost there either: the draft in sessionStorage restores the values on the way back.
// With a data router this file becomes a `useBlocker` call, which covers Back/Forward too.
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { UNSAFE_NavigationContext, useLocation, type Navigator, type To } from 'react-router';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

function pathnameOf(to: To): string | undefined {
  if (typeof to === 'string') return new URL(to, window.location.href).pathname;
  return to.pathname;
}

interface Hold {
  /** Whether leaving for this pathname waits for a confirmation. */
  held: (pathname: string) => boolean;
  /** Called with the navigation to carry out once confirmed. */
  ask: (go: () => void) => void;
}

/** Holds the router's navigations (and unload) until confirmed; returns the undo. */
function holdNavigation(navigator: Navigator, { held, ask }: Hold): () => void {
  const push = navigator.push;
  const replace = navigator.replace;
  const heldTo = (to: To) => {
    const next = pathnameOf(to);
    return next !== undefined && held(next);
  };
  navigator.push = (to, ...rest) => {
    if (!heldTo(to)) return push.call(navigator, to, ...rest);
    ask(() => push.call(navigator, to, ...rest));
  };
  navigator.replace = (to, ...rest) => {
    if (!heldTo(to)) return replace.call(navigator, to, ...rest);
    ask(() => replace.call(navigator, to, ...rest));
  };

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!held('')) return;
    event.preventDefault();
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);

  return () => {
    navigator.push = push;
    navigator.replace = replace;
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}

/** While `when` is true, leaving the current page asks first. Returns the confirmation dialog to render. */
export function useLeaveGuard(when: boolean, message: string) {
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const { pathname } = useLocation();
  const [proceed, setProceed] = useState<(() => void) | null>(null);
  const bypass = useRef(false);

  useEffect(() => {
    if (!when) return;
    return holdNavigation(navigator, {
      held: (next) => !bypass.current && next !== pathname && !next.startsWith('/sign-in'),
      ask: (go) => setProceed(() => go),
    });
  }, [when, navigator, pathname]);

  const stay = useCallback(() => setProceed(null), []);
  const leave = useCallback(() => {
    const go = proceed;
    setProceed(null);
    bypass.current = true;
    // leaving unmounts the form (it is keyed by work item), so the guard stays off for this instance
    go?.();
  }, [proceed]);

  const dialog = (
    <Dialog open={proceed !== null} onClose={stay} aria-labelledby="leave-guard-title">
      <DialogTitle id="leave-guard-title">Leave this form?</DialogTitle>
      <DialogContent>
        <DialogContentText>{message}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={stay} variant="contained">
          Stay on this page
        </Button>
        <Button onClick={leave}>Leave</Button>
      </DialogActions>
    </Dialog>
  );
  return dialog;
}
