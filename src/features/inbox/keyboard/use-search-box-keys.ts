import { useEffect, useRef } from 'react';

/**
 * In the list's search box (reached with "/"), Escape and ↓ give the keys back to the list: the focus goes to the
 * row it was on (or the first one) — they never stay in the box, and the page never loses the focus.
 */
export function useSearchBoxKeys(toList: () => void) {
  const latest = useRef(toList);
  useEffect(() => {
    latest.current = toList;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.type !== 'search' || !box.closest('main')) return;
      if (event.key !== 'Escape' && event.key !== 'ArrowDown') return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
