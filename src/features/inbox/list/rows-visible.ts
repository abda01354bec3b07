let marked = false;

/**
 * The first time rows of the list are on screen: the benchmark's mark, and the moment the server's first screen of
 * rows gives way to the app's (src/app/first-screen.ts). Set by whichever renders the rows (the table, or the phone's
 * cards once their chunk is in), never before they are painted.
 */
export function markRowsVisible() {
  if (marked) return;
  marked = true;
  performance.mark('inbox-rows-visible');
}
