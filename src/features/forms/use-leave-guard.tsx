// "Leave this page?" while a form holds unsaved input. The guard holds the app's browser history itself
// (src/lib/history.ts), so every way out waits for a confirmation: links and navigate(), the browser's Back and
// Forward buttons (history puts the entry back until the user says "Leave"), and reload, close or a typed URL
// (the browser's own beforeunload prompt). Navigations within the page (its query string) and to sign-in are
// never held: an expired session must be able to leave, and the draft brings the values back afterwards.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { holdNavigations, type Transition } from '../../lib/history.ts';
import { isSignInPath } from '../../lib/paths.ts';

/** While `when` is true, leaving the current page asks first. Returns the confirmation dialog to render. */
export function useLeaveGuard(when: boolean, message: string) {
  const { pathname } = useLocation();
  const [held, setHeld] = useState<Transition | null>(null);
  const release = useRef<((tx: Transition) => void) | null>(null);

  useEffect(() => {
    if (!when) return;
    const hold = holdNavigations((next) => next !== pathname && !isSignInPath(next), setHeld);
    release.current = hold.release;
    return () => {
      release.current = null;
      hold.stop();
    };
  }, [when, pathname]);

  const stay = useCallback(() => setHeld(null), []);
  const leave = useCallback(() => {
    setHeld(null);
    if (held) release.current?.(held);
  }, [held]);

  return (
    <Dialog open={held !== null} onClose={stay} aria-labelledby="leave-guard-title">
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
}
