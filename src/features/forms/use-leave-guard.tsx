// "Leave this page?" while a form holds unsaved input.
//
// react-router's `useBlocker` only works under a data router (createBrowserRouter); this app mounts the declarative
// <BrowserRouter> on purpose (the data router adds ~17 KB gzipped to the inbox's first load, see src/app/routes.tsx).
// So the guard holds the router's navigator instead: push/replace (links, navigate()) and the Back/Forward buttons
// (popstate, undone before the router sees it) wait for a confirmation; reload/close/typing a URL get the browser's
// own beforeunload prompt. Navigations to sign-in are never held: an expired session must be able to leave, and
// the draft in sessionStorage brings the values back afterwards.
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

/** Holds the router's navigations (and Back/Forward, and unload) until confirmed; returns the undo. */
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

  // Back/Forward: the browser has already moved; put it back before the router's own popstate listener runs
  // (capture listeners on the target run first), and go there only once confirmed. The router keeps the entry's
  // index in history.state.idx.
  const indexOf = (state: unknown) => (state as { idx?: unknown } | null)?.idx;
  let here = indexOf(window.history.state);
  let undoing = false;
  const onPopState = (event: PopStateEvent) => {
    if (undoing) {
      undoing = false;
      event.stopImmediatePropagation();
      return;
    }
    const next = indexOf(event.state);
    if (typeof next !== 'number' || typeof here !== 'number' || next === here || !held('')) {
      here = next;
      return;
    }
    const delta = here - next;
    event.stopImmediatePropagation();
    undoing = true;
    window.history.go(delta);
    ask(() => window.history.go(-delta));
  };
  window.addEventListener('popstate', onPopState, { capture: true });

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!held('')) return;
    event.preventDefault();
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);

  return () => {
    navigator.push = push;
    navigator.replace = replace;
    window.removeEventListener('popstate', onPopState, { capture: true });
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
