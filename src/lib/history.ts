// The browser history behind the router (src/app/routes.tsx mounts it with react-router's HistoryRouter) and the
// leave guard (src/features/forms/use-leave-guard.tsx): one object, so that a guard holding navigations holds
// every one of them — links, navigate(), the browser's Back/Forward buttons, and reload or close (history's
// `block` asks the browser for its beforeunload prompt while anything is blocked).
import { createBrowserHistory, type Transition } from 'history';

export type { Transition } from 'history';

export const appHistory = createBrowserHistory();

/**
 * While active, navigations for which `hold(pathname)` is true wait: `onHeld` gets the transition, and
 * `tx.retry()` after `release()` carries it out. Others go through at once. Returns the undo.
 */
export function holdNavigations(hold: (pathname: string) => boolean, onHeld: (tx: Transition) => void) {
  let unblock: (() => void) | undefined;
  const block = () => {
    unblock ??= appHistory.block((tx) => {
      if (hold(tx.location.pathname)) onHeld(tx);
      else letThrough(tx);
    });
  };
  const letThrough = (tx: Transition) => {
    unblock?.();
    unblock = undefined;
    tx.retry();
  };
  block();
  // A navigation let through (a Back/Forward one completes later, asynchronously) puts the hold back once done.
  const stopListening = appHistory.listen(block);
  return {
    /** Carries out a held navigation (the user confirmed leaving). */
    release: letThrough,
    stop: () => {
      stopListening();
      unblock?.();
      unblock = undefined;
    },
  };
}
