import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Renders `children` only once the page has painted without them (`placeholder` until then, sized like them): a
 * cold load's first frame holds what it must show first (the rows) and not the controls beside it, whose MUI
 * styles cost more to build than the rows themselves.
 */
export function AfterFirstPaint({ children, placeholder }: { children: ReactNode; placeholder: ReactNode }) {
  const [ready, setReady] = useState(painted);
  useEffect(() => {
    if (ready) return;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        painted = true;
        startTransition(() => setReady(true));
      }, 0),
    );
    return () => cancelAnimationFrame(frame);
  }, [ready]);
  return ready ? children : placeholder;
}

/** Once the first paint has happened, later mounts render at once. */
let painted = false;

/** The page's first paint is not the app's (the server's first screen is on view): render everything at once. */
export function renderAllAtOnce() {
  painted = true;
}
