import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long a new page may take to show its heading (a detail page waits for its item). */
const WAIT_MS = 5_000;

/**
 * After moving to another page, focus its heading (`main h1`): a screen reader announces the new page, and the
 * next Tab starts from there instead of from the top of the document. Only when focus would otherwise be lost
 * (on <body>, or on the element that started the move, e.g. the link that was clicked): a user who has moved on
 * already keeps their focus. Not on the first load (the browser and the page's own autofocus decide then).
 */
export function useHeadingFocusOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const started = document.activeElement;
    const deadline = Date.now() + WAIT_MS;
    let frame = 0;
    const tick = () => {
      const active = document.activeElement;
      const lost = !active || active === document.body || active === started || !active.isConnected;
      if (!lost) return; // the user (or the page) has put focus somewhere
      const heading = document.querySelector<HTMLElement>('main h1');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.style.outline = 'none';
        heading.focus({ preventScroll: true });
        return;
      }
      if (Date.now() < deadline) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
