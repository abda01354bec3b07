// The server writes the inbox's first screen of rows into the page (server/plugins/first-screen.ts), so they paint
// before any script. React would wipe them on its first render, and its own list shows only once every kind's first
// page is in; so the screen is held on view, above the app rendering unseen beneath it, until the app's list has
// rows (or everything the page asked for has answered: an error, an empty list or a sign-in is then the app's to
// show). Then the two swap within one frame: nothing the user sees moves, and no element shifts (the app's are
// shown where they were laid out, the server's are gone).
import type { QueryClient } from '@tanstack/react-query';
import { renderAllAtOnce } from '../components/AfterFirstPaint.tsx';

const SCREEN = '[data-first-screen]';
/** When the lists have rows but the code that draws them is slow to come (a phone's cards), the app is shown after this. */
const ROWS_CAP_MS = 5_000;
/** The benchmark's and the list's mark: the app's list has rows on screen (QueueTable). */
const ROWS_MARK = 'inbox-rows-visible';

let held: { screen: Element; root: HTMLElement; stop: () => void } | undefined;

function release() {
  if (!held) return;
  const { screen, root, stop } = held;
  held = undefined;
  stop();
  root.classList.remove('fs-under');
  screen.remove();
}

/** Before React renders into `root`: keep the server's first screen, if any, on view above it. */
export function holdFirstScreen(root: HTMLElement): void {
  const screen = root.querySelector(SCREEN);
  if (!screen) return;
  // the app's first frame is unseen: nothing in it need wait for a second one (which would move the rows)
  renderAllAtOnce();
  screen.classList.add('fs-held');
  root.before(screen);
  root.classList.add('fs-under');
  let observer: PerformanceObserver | undefined;
  if (typeof PerformanceObserver === 'function') {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(ROWS_MARK).length > 0) release();
    });
    observer.observe({ type: 'mark', buffered: true });
  }
  held = { screen, root, stop: () => observer?.disconnect() };
}

/** Whether a list the page loaded has rows to show (a queue's data: `{ rows: [...] }`). */
function listsHaveRows(queryClient: QueryClient): boolean {
  return queryClient
    .getQueryCache()
    .getAll()
    .some((query) => {
      const rows = (query.state.data as { rows?: unknown } | undefined)?.rows;
      return Array.isArray(rows) && rows.length > 0;
    });
}

/**
 * The fallback: once nothing the page asked for is still in flight, whatever the app shows is its answer — unless
 * the lists have rows, which the app is still drawing (its render, or a phone's cards' code, can come after).
 */
export function releaseFirstScreenWhenSettled(queryClient: QueryClient): void {
  if (!held) return;
  const unsubscribe = queryClient.getQueryCache().subscribe(() => {
    if (!held) return unsubscribe();
    if (queryClient.isFetching() > 0) return;
    unsubscribe();
    if (listsHaveRows(queryClient)) {
      // rows are on their way to the screen: their own mark releases the screen (ROWS_MARK), at the latest after this
      const cap = setTimeout(release, ROWS_CAP_MS);
      const stop = held.stop;
      held.stop = () => {
        stop();
        clearTimeout(cap);
      };
      return;
    }
    // after the app's render of these answers has been committed
    requestAnimationFrame(release);
  });
  const stop = held.stop;
  held.stop = () => {
    stop();
    unsubscribe();
  };
}
